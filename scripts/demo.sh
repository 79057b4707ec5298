#!/usr/bin/env bash
# The README's main command (`npm run demo`): the whole pipeline, locally and for real, on the bundled
# example integration — through the aic CLI, which calls the same step code as the actions.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/provision-python.sh
# shellcheck disable=SC1091
source "${AIC_TOOLS_DIR:-$root/.tools}/env.sh"
TURBO_TELEMETRY_DISABLED=1 npx turbo run bundle --filter=aic --output-logs=errors-only
exec node packages/cli/bin/aic.js ci --repo examples --integration awesome --python "$AIC_PYTHON" "$@"

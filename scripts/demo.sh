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
# A Docker engine if one answers: the one DOCKER_HOST names, else the one scripts/docker-engine.sh runs.
if ! timeout 10 docker info >/dev/null 2>&1; then
  engine_env=$(bash scripts/docker-engine.sh env 2>/dev/null || true)
  [ -n "$engine_env" ] && eval "$engine_env"
fi
if timeout 10 docker info >/dev/null 2>&1; then
  echo "Docker: the engine at ${DOCKER_HOST:-the default socket} answers: the example's integration tests run against a real nginx container."
else
  echo "Docker: no engine answered (start one with: sudo bash scripts/docker-engine.sh up): the example's integration tests serve their page from a local HTTP server instead."
fi
exec node packages/cli/bin/aic.js ci --repo examples --integration awesome --python "$AIC_PYTHON" "$@"

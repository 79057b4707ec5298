#!/usr/bin/env bash
# The ddev support range: runs test/ddev-range (the example pipeline through `aic ci`, `ddev create`, and
# every command line we build held against that ddev's --help) once per ddev named: `oldest` (the default),
# `pinned`, or both. Each is provisioned first, in its own tools folder (scripts/provision-python.sh).
# The bundles are rebuilt first, unless --no-bundle says they were just rebuilt (as check-dist does in .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# One download cache for both ddevs.
export UV_CACHE_DIR=${UV_CACHE_DIR:-${AIC_TOOLS_DIR:-$root/.tools}/uv-cache}
if [ "${1:-}" = --no-bundle ]; then
  shift
else
  TURBO_TELEMETRY_DISABLED=1 npx turbo run bundle --output-logs=errors-only
fi

status=0
for pin in "${@:-oldest}"; do
  case "$pin" in
    pinned) tools=${AIC_TOOLS_DIR:-$root/.tools} ;;
    oldest) tools=${AIC_OLDEST_TOOLS_DIR:-$root/.tools-ddev-oldest} ;;
    *) echo "test-ddev-range: '$pin' is not a ddev of the range: use oldest or pinned." >&2; exit 2 ;;
  esac
  started=$(date +%s)
  AIC_DDEV_PIN=$pin bash scripts/provision-python.sh
  version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["AIC_DDEV_VERSION"])' "$tools/env.json")
  echo "--- ddev $version ($pin): the range suite"
  AIC_TOOLS_DIR=$tools node --experimental-vm-modules node_modules/jest/bin/jest.js \
    -c test/ddev-range/jest.config.mjs || status=1
  echo "--- ddev $version ($pin): $(( $(date +%s) - started ))s"
done
exit "$status"

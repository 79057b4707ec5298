#!/usr/bin/env bash
# Provisions, once and cached between runs, the real Python tools the tests and the demo use:
# uv (a PyPI wheel), the pinned ddev (which brings hatch and datadog-checks-dev) and a venv with
# datadog-checks-base. Pins live in scripts/python-pins.json. Writes <tools>/env.json and env.sh.
#
# AIC_DDEV_PIN=oldest provisions the oldest ddev we support (pin `ddev-oldest`) instead of the pinned one,
# into its own folder (AIC_OLDEST_TOOLS_DIR, default .tools-ddev-oldest; never AIC_TOOLS_DIR, which holds the
# pinned tools other runs use). Point AIC_TOOLS_DIR at that folder to run the tests against it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pins_file=$root/scripts/python-pins.json

log() { printf '[provision-python] %s\n' "$*"; }
die() { printf '[provision-python] error: %s\n' "$*" >&2; exit 1; }

case "${AIC_DDEV_PIN:-pinned}" in
  pinned) ddev_pin=ddev; tools=${AIC_TOOLS_DIR:-$root/.tools} ;;
  oldest) ddev_pin=ddev-oldest; tools=${AIC_OLDEST_TOOLS_DIR:-$root/.tools-ddev-oldest} ;;
  *) die "AIC_DDEV_PIN is '${AIC_DDEV_PIN}': use 'pinned' (the default) or 'oldest'." ;;
esac

# Any python3 can read the pins; the tools themselves need the pinned minor version.
reader=$(command -v python3 || true)
[ -n "$reader" ] || die "python3 is not on PATH. Install CPython 3.13 (ddev needs it) and retry."
pin() { "$reader" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$pins_file" "$1"; }
want_python=$(pin python)
uv_version=$(pin uv)
ddev_version=$(pin "$ddev_pin")
base_version=$(pin datadog-checks-base)

find_python() {
  local candidate
  for candidate in "python$want_python" python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import sys; sys.exit(0 if '%d.%d' % sys.version_info[:2] == '$want_python' else 1)" 2>/dev/null; then
      command -v "$candidate"
      return
    fi
  done
  local pyenv_root=${PYENV_ROOT:-}
  if [ -z "$pyenv_root" ] && command -v pyenv >/dev/null 2>&1; then pyenv_root=$(pyenv root); fi
  if [ -n "$pyenv_root" ]; then
    for candidate in $(ls -d "$pyenv_root"/versions/"$want_python".* 2>/dev/null | sort -V -r); do
      if [ -x "$candidate/bin/python3" ]; then
        echo "$candidate/bin/python3"
        return
      fi
    done
  fi
}

python=$(find_python)
[ -n "$python" ] || die "CPython $want_python was not found (on PATH as python$want_python, or under pyenv). ddev $ddev_version needs it: install it (e.g. actions/setup-python with python-version '$want_python') and retry."

stamp="python=$("$python" -c 'import sys; print(sys.version.split()[0])') $python uv=$uv_version ddev=$ddev_version base=$base_version"
if [ -f "$tools/stamp" ] && [ "$(cat "$tools/stamp")" = "$stamp" ] && [ -x "$tools/ddev/bin/ddev" ]; then
  log "up to date in $tools ($stamp)"
  exit 0
fi

retry() {
  local attempt=1 delay=2
  until "$@"; do
    if [ "$attempt" -ge 3 ]; then
      die "'$*' failed 3 times. Check that PyPI is reachable (proxy, PIP_INDEX_URL) and that the pins in scripts/python-pins.json exist."
    fi
    log "attempt $attempt failed; retrying in ${delay}s"
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2))
  done
}

log "provisioning into $tools with $python ($stamp)"
rm -rf "$tools/ddev" "$tools/checks" "$tools/stamp"
mkdir -p "$tools"
"$python" -m venv "$tools/ddev"
retry "$tools/ddev/bin/python" -m pip install --quiet --disable-pip-version-check "uv==$uv_version"
uv=$tools/ddev/bin/uv
export UV_CACHE_DIR=${UV_CACHE_DIR:-$tools/uv-cache}
retry "$uv" pip install --quiet --python "$tools/ddev/bin/python" "ddev==$ddev_version"
retry "$uv" venv --quiet --python "$python" "$tools/checks"
retry "$uv" pip install --quiet --python "$tools/checks/bin/python" "datadog-checks-base[deps]==$base_version" pyyaml

ddev_reported=$("$tools/ddev/bin/ddev" --version | awk '{print $NF}')
[ "$ddev_reported" = "$ddev_version" ] || die "ddev reports version $ddev_reported, expected $ddev_version."
"$tools/checks/bin/python" -c 'import datadog_checks.base' || die "datadog-checks-base does not import in $tools/checks."

"$reader" - "$tools" "$python" "$ddev_version" <<'PY'
import json, os, sys
tools, python, ddev_version = sys.argv[1:4]
env = {
    "AIC_TOOLS_DIR": tools,
    "AIC_PYTHON": python,
    "AIC_TOOLS_BIN": os.path.join(tools, "ddev", "bin"),
    "AIC_DDEV": os.path.join(tools, "ddev", "bin", "ddev"),
    "AIC_UV": os.path.join(tools, "ddev", "bin", "uv"),
    "AIC_HATCH": os.path.join(tools, "ddev", "bin", "hatch"),
    "AIC_CHECKS_PYTHON": os.path.join(tools, "checks", "bin", "python"),
    "AIC_DDEV_VERSION": ddev_version,
    "UV_CACHE_DIR": os.environ.get("UV_CACHE_DIR", os.path.join(tools, "uv-cache")),
}
with open(os.path.join(tools, "env.json"), "w") as f:
    json.dump(env, f, indent=2)
with open(os.path.join(tools, "env.sh"), "w") as f:
    for key, value in env.items():
        f.write("export {}='{}'\n".format(key, value))
    f.write("export PATH='{}':\"$PATH\"\n".format(env["AIC_TOOLS_BIN"]))
PY
echo "$stamp" > "$tools/stamp"
log "ready: ddev $ddev_version, uv $uv_version, datadog-checks-base $base_version ($tools/env.sh)"

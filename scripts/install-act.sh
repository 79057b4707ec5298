#!/usr/bin/env bash
# Builds nektos/act (the workflow engine the act suite runs our workflows under) from the Go module proxy, at a
# pinned version, into .tools/act/<version>/act. A no-op when that binary is there: the folder is the cache
# (gitignored), keyed by the version. Prints the binary's path on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."

ACT_VERSION=0.2.89
dir=${AIC_ACT_DIR:-$PWD/.tools/act}/$ACT_VERSION
binary="$dir/act"

if [ -x "$binary" ] && "$binary" --version 2>/dev/null | grep -qx "act version $ACT_VERSION"; then
  echo "$binary"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-act: Go is not on PATH; the act suite builds act $ACT_VERSION from the Go module proxy with it." >&2
  echo "install-act: install Go 1.24 or newer (https://go.dev/dl/) and run this again." >&2
  exit 1
fi

started=$(date +%s)
mkdir -p "$dir"
# A static, stripped binary; GOTOOLCHAIN=local never downloads another Go.
GOBIN="$dir" CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=mod \
  go install -trimpath -ldflags='-s -w' "github.com/nektos/act@v$ACT_VERSION"
"$binary" --version >/dev/null
echo "install-act: built act $ACT_VERSION in $(($(date +%s) - started))s" >&2
echo "$binary"

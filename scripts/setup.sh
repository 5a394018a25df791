#!/usr/bin/env bash
# Everything a fresh clone needs: npm packages, then the Pulumi CLI and Node.js language host.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm packages" >&2
  # `npm install` with the committed lock, not `npm ci`: the lock holds only the platform builds of
  # optional native packages (@swc/core) that the registry serves, which `npm ci` refuses.
  npm install --no-audit --no-fund --loglevel=error >&2
fi
# The provider stub is installed as a copy (see .npmrc); npm does not refresh a copy when its
# source changes, so keep it in step here.
stub=node_modules/@port-portal/provider-stub
if ! diff -rq tools/provider-stub "$stub" >/dev/null 2>&1; then
  rm -rf "$stub" && cp -R tools/provider-stub "$stub"
fi
bash tools/pulumi/ensure.sh >/dev/null

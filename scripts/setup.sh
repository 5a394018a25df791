#!/usr/bin/env bash
# Everything a fresh clone needs: npm packages, the library's build (packages/pulumi/dist, which the
# default portal and the test programs load as an installed package would be), then the Pulumi CLI
# and Node.js language host.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm packages" >&2
  # `npm install` with the committed lock, not `npm ci`: the lock holds only the platform builds of
  # optional native packages (@swc/core) that the registry serves, which `npm ci` refuses.
  npm install --no-audit --no-fund --loglevel=error >&2
fi
# Incremental: a build with nothing changed takes a second or two.
npx tsc -p packages/pulumi >&2
bash tools/pulumi/ensure.sh >/dev/null

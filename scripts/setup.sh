#!/usr/bin/env bash
# Everything a fresh clone needs: npm packages, then the Pulumi CLI and Node.js language host.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm packages" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
bash tools/pulumi/ensure.sh >/dev/null

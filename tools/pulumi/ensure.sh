#!/usr/bin/env bash
# Gives the project a Pulumi CLI and a Node.js language host, and prints the directory that holds them.
#
# 1. `pulumi` and `pulumi-language-nodejs` already on PATH and recent enough: use them.
# 2. Otherwise build both from Pulumi's published Go modules (through the Go module proxy) into a
#    cache outside the repo, keyed by version and by the sources here, so CI and later runs reuse it.
# Idempotent: a second run finds the cache and returns at once.
set -euo pipefail

PULUMI_VERSION="3.248.0"    # the CLI release; matches the @pulumi/pulumi SDK pinned in package.json
MIN_PATH_VERSION="3.139.0"  # oldest CLI that passes stack config to dynamic providers' configure()
MIN_GO_MINOR=24             # pkg/v3 at PULUMI_VERSION needs Go 1.24 or newer

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
log() { echo "[pulumi-toolchain] $*" >&2; }
fail() { log "ERROR: $*"; exit 1; }

version_at_least() { # $1 >= $2, both x.y.z
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

# The dynamic-provider plugin is a shell shim shipped inside the @pulumi/pulumi npm package.
install_provider_shim() {
  local shim="$repo/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
  [ -f "$shim" ] || fail "node_modules/@pulumi/pulumi is missing: run \`npm ci\` first (scripts/setup.sh does)."
  if ! cmp -s "$shim" "$1/pulumi-resource-pulumi-nodejs" 2>/dev/null; then
    cp "$shim" "$1/pulumi-resource-pulumi-nodejs.tmp.$$"
    chmod +x "$1/pulumi-resource-pulumi-nodejs.tmp.$$"
    mv -f "$1/pulumi-resource-pulumi-nodejs.tmp.$$" "$1/pulumi-resource-pulumi-nodejs"
  fi
}

# 1. A CLI on PATH, if the user has one.
if [ "${PORT_PORTAL_IGNORE_PATH_PULUMI:-}" != "true" ] && command -v pulumi >/dev/null 2>&1 \
   && command -v pulumi-language-nodejs >/dev/null 2>&1; then
  path_version="$(pulumi version 2>/dev/null | sed 's/^v//')"
  if [ -n "$path_version" ] && version_at_least "$path_version" "$MIN_PATH_VERSION"; then
    echo "$(dirname "$(command -v pulumi)")"
    exit 0
  fi
  log "pulumi ${path_version:-of unknown version} on PATH is older than $MIN_PATH_VERSION; using a built one."
fi

# 2. The cache, built once per version and source.
src_hash="$(cat "$here/go.mod" "$here/go.sum" "$here/language-nodejs/main.go" | sha256sum | cut -c1-12)"
cache_root="${PORT_PORTAL_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/port-portal/pulumi}"
bin="$cache_root/v$PULUMI_VERSION-$src_hash/bin"

if [ -x "$bin/pulumi" ] && [ -x "$bin/pulumi-language-nodejs" ] && "$bin/pulumi" version >/dev/null 2>&1; then
  install_provider_shim "$bin"
  echo "$bin"
  exit 0
fi

command -v go >/dev/null 2>&1 || fail "no Pulumi CLI: neither 'pulumi' >= $MIN_PATH_VERSION with 'pulumi-language-nodejs' on PATH, nor Go to build them. Install Go 1.$MIN_GO_MINOR+ (the build fetches Pulumi's modules from the Go module proxy) or put the Pulumi CLI and its Node.js language host on PATH."
go_minor="$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')"
[ "$go_minor" -ge "$MIN_GO_MINOR" ] 2>/dev/null || fail "Go $(go env GOVERSION) is too old to build Pulumi $PULUMI_VERSION: install Go 1.$MIN_GO_MINOR or newer."

work="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export CGO_ENABLED=0 GOFLAGS=-mod=readonly
# go.sum is committed, so every module is verified against it; the checksum database is not needed.
export GONOSUMDB="*" GOSUMDB=off

# The CLI depends only on the module versions: cached apart from the host, so a change to the host
# rebuilds the host alone (seconds) rather than the CLI (minutes).
cli_hash="$(cat "$here/go.mod" "$here/go.sum" | sha256sum | cut -c1-12)"
cli="$cache_root/cli-v$PULUMI_VERSION-$cli_hash/pulumi"
# A CLI built earlier for this version from the same host-independent sources, or before this split
# (a combined build of the same version): the same release, so it is reused rather than rebuilt.
for earlier in "$cli" "$cache_root"/v"$PULUMI_VERSION"-*/bin/pulumi; do
  if [ -x "$earlier" ] && [ "$("$earlier" version 2>/dev/null)" = "v$PULUMI_VERSION" ]; then
    cp "$earlier" "$work/pulumi"
    break
  fi
done
if [ ! -x "$work/pulumi" ]; then
  log "building Pulumi CLI v$PULUMI_VERSION (a cold build takes several minutes)"
  ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION"
  ( cd "$here" && go build -trimpath -tags osusergo,grpcnotrace -ldflags "$ldflags" -o "$work/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi ) \
    || fail "building the Pulumi CLI failed (see the Go output above). Is the Go module proxy reachable (GOPROXY=$(go env GOPROXY))?"
  "$work/pulumi" version >/dev/null || fail "the freshly built Pulumi CLI does not run."
  mkdir -p "$(dirname "$cli")" && cp "$work/pulumi" "$cli.tmp.$$" && mv -f "$cli.tmp.$$" "$cli"
fi
log "building the Node.js language host into $bin"
( cd "$here" && go build -trimpath -ldflags "-s -w -X main.version=$PULUMI_VERSION" -o "$work/pulumi-language-nodejs" ./language-nodejs ) \
  || fail "building the Node.js language host failed (see the Go output above)."

mkdir -p "$(dirname "$bin")"
staged="$(dirname "$bin")/bin.tmp.$$"
mkdir -p "$staged"
mv "$work/pulumi" "$work/pulumi-language-nodejs" "$staged/"
rm -rf "$bin" && mv "$staged" "$bin"   # atomic enough: a half-built cache never has both binaries
install_provider_shim "$bin"
log "ready: $("$bin/pulumi" version)"
echo "$bin"

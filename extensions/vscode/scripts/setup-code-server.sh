#!/usr/bin/env bash
# Installs what the end-to-end test drives: code-server 4.100.3 (VS Code 1.100,
# which runs on Node 20) from the npm registry, and Debian's Chromium, ripgrep
# and CJK fonts. Only the npm registry and Debian's packages are reachable, so
# code-server's own install script (which downloads ripgrep elsewhere) is
# skipped and its native modules are built here against the local Node.
#
# Idempotent: each step leaves a marker and is skipped when it is there.
# The install lives outside the repository, in $FACTCITE_CACHE (default
# ~/.cache/factcite). Prints the code-server directory on its last line.
set -euo pipefail

VERSION=4.100.3
CACHE="${FACTCITE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/factcite}"
ROOT="$CACHE/code-server-$VERSION"
SERVER="$ROOT/node_modules/code-server"
VSCODE="$SERVER/lib/vscode"
MARKS="$ROOT/.done"

log() { printf '[setup-code-server] %s\n' "$*" >&2; }
done_step() { [ -e "$MARKS/$1" ]; }
mark() { mkdir -p "$MARKS" && touch "$MARKS/$1"; }

# --- Debian packages --------------------------------------------------------
DEBS=(chromium ripgrep libkrb5-dev fonts-noto-cjk make g++)
missing=()
for pkg in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# node-gyp needs Node's headers; fetching them is not possible here, so use the
# ones installed with Node itself.
NODE_PREFIX="$(cd "$(dirname "$(readlink -f "$(command -v node)")")/.." && pwd)"
if [ ! -f "$NODE_PREFIX/include/node/common.gypi" ]; then
  log "Node's headers are missing from $NODE_PREFIX/include/node; node-gyp cannot build without them"
  exit 1
fi
NODE_GYP="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
[ -f "$NODE_GYP" ] || NODE_GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"

# A different Node ABI invalidates the native builds.
NODE_ABI="$(node -p process.versions.modules)"
if [ -e "$MARKS/node-abi" ] && [ "$(cat "$MARKS/node-abi")" != "$NODE_ABI" ]; then
  log "Node ABI changed; rebuilding native modules"
  rm -f "$MARKS/native" "$MARKS/argon2"
fi

# --- code-server from the registry -----------------------------------------
mkdir -p "$ROOT"
if ! done_step npm-install; then
  log "npm i --ignore-scripts code-server@$VERSION into $ROOT"
  [ -f "$ROOT/package.json" ] || printf '{ "name": "factcite-code-server", "private": true }\n' >"$ROOT/package.json"
  (cd "$ROOT" && npm i --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$VERSION" >&2)
  mark npm-install
fi

if ! done_step vscode-deps; then
  log "installing VS Code's own dependencies (lib/vscode)"
  (cd "$VSCODE" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
  mark vscode-deps
fi

if ! done_step ripgrep; then
  log "using Debian's rg for @vscode/ripgrep"
  mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
  mark ripgrep
fi

if ! done_step native; then
  while IFS= read -r gyp; do
    dir="$(dirname "$gyp")"
    log "node-gyp rebuild in ${dir#"$VSCODE/"}"
    (cd "$dir" && node "$NODE_GYP" rebuild --nodedir="$NODE_PREFIX" --loglevel=error >&2)
  done < <(find "$VSCODE/node_modules" -name binding.gyp -not -path '*/node-addon-api/*' -not -path '*/test/*' -not -path '*/deps/*' | sort)
  mark native
fi

if ! done_step argon2; then
  log "npm rebuild argon2"
  (cd "$ROOT" && npm_config_nodedir="$NODE_PREFIX" npm rebuild argon2 --loglevel=error >&2)
  mark argon2
fi
echo "$NODE_ABI" >"$MARKS/node-abi"

if [ ! -e "$VSCODE/node_modules.asar" ]; then
  ln -s node_modules "$VSCODE/node_modules.asar"
fi

echo "$SERVER"

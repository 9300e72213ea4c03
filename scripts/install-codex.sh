#!/usr/bin/env bash
# Installs the pinned Codex CLI (@openai/codex from npm) into .cache/codex, outside the project's own
# dependencies: the tests that run the real binary need it, a user's `npm ci` does not (~385 MB).
# Idempotent: an install of the pinned version already there is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p 'require("./package.json").config.codexVersion')
dir=.cache/codex
bin="$dir/node_modules/.bin/codex"
if [ -x "$bin" ] && [ "$("$bin" --version 2>/dev/null | awk '{print $NF}')" = "$version" ]; then
  echo "codex $version already in $dir"
  exit 0
fi
mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{"private":true}' >"$dir/package.json"
npm install --prefix "$dir" --no-audit --no-fund --no-package-lock --loglevel=error "@openai/codex@$version"
"$bin" --version

#!/usr/bin/env bash
# Rebuilds the end-to-end test components from their sources with the jco pinned in
# tests/fixtures/package.json (`npm ci` there first; node_modules is git-ignored), or the jco on PATH:
#   <name>/<name>.wat + <name>/world.wit  →  jco parse → jco embed (component-type section) → jco new
#   → <name>.wasm, the component the tests and the generator read.
set -euo pipefail
cd "$(dirname "$0")"
fixtures="$(cd ../../fixtures && pwd)"
if [ -x "$fixtures/node_modules/.bin/jco" ]; then jco="$fixtures/node_modules/.bin/jco"; else jco="${JCO:-jco}"; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for dir in */; do
  name="${dir%/}"
  world="$(sed -n 's/^world \([a-z0-9-]*\).*/\1/p' "$name/world.wit" | head -1)"
  "$jco" parse "$name/$name.wat" -o "$tmp/$name.core.wasm"
  "$jco" embed "$tmp/$name.core.wasm" --wit "$name/world.wit" -n "$world" -o "$tmp/$name.embedded.wasm"
  "$jco" new "$tmp/$name.embedded.wasm" -o "$name.wasm"
  echo "built $name.wasm"
done

#!/usr/bin/env bash
# Rebuilds app.wasm (the component the HostImports sample bundles) from app.wat and world.wit with the jco
# pinned in tests/fixtures/package.json (`npm ci` there first), or $JCO.
set -euo pipefail
cd "$(dirname "$0")"
fixtures="$(cd ../../../tests/fixtures && pwd)"
if [ -x "$fixtures/node_modules/.bin/jco" ]; then jco="$fixtures/node_modules/.bin/jco"; else jco="${JCO:-jco}"; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$jco" parse app.wat -o "$tmp/app.core.wasm"
"$jco" embed "$tmp/app.core.wasm" --wit world.wit -n app -o "$tmp/app.embedded.wasm"
"$jco" new "$tmp/app.embedded.wasm" -o app.wasm
echo "built app.wasm"

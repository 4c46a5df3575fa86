#!/usr/bin/env bash
# Rebuilds calc.wasm (the component the quick start bundles) from calc.wat and ../wit/calc.wit with the jco
# pinned in tests/fixtures/package.json (`npm ci` there first), or $JCO.
set -euo pipefail
cd "$(dirname "$0")"
fixtures="$(cd ../../../tests/fixtures && pwd)"
if [ -x "$fixtures/node_modules/.bin/jco" ]; then jco="$fixtures/node_modules/.bin/jco"; else jco="${JCO:-jco}"; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$jco" parse calc.wat -o "$tmp/calc.core.wasm"
"$jco" embed "$tmp/calc.core.wasm" --wit ../wit/calc.wit -n calc -o "$tmp/calc.embedded.wasm"
"$jco" new "$tmp/calc.embedded.wasm" -o calc.wasm
echo "built calc.wasm"

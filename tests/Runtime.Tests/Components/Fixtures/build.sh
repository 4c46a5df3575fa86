#!/usr/bin/env bash
# Rebuilds the component binaries of the component runtime tests from their text, with the jco pinned in
# tests/fixtures/package.json (run `npm ci` there first): `jco parse` is wasm-tools' component text parser.
set -euo pipefail
cd "$(dirname "$0")"
jco=../../../fixtures/node_modules/.bin/jco
for f in *.wat; do "$jco" parse "$f" -o "${f%.wat}.wasm"; done

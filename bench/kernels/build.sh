#!/usr/bin/env bash
# Builds the benchmark kernels:
#   kernels.wasm            (committed)  clang --target=wasm32-wasi -O2 -mexec-model=reactor, Wasm 2.0 features
#   calls.wasm              (committed)  wat2wasm calls.wat
#   native/libkernels.so    (not committed) the same C at clang -O2, auto-vectorization off
#   native/large.wasm       (not committed) a generated ~2 MiB module for compile-speed figures
# Usage: bench/kernels/build.sh   (installs the Debian toolchain if missing; needs apt as root)
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v clang >/dev/null || need+=(clang)
command -v wasm-ld >/dev/null || need+=(lld)
[ -d /usr/share/wasi-sysroot ] || need+=(wasi-libc)
ls /usr/lib/llvm-*/lib/clang/*/lib/wasi/libclang_rt.builtins-wasm32.a >/dev/null 2>&1 || need+=(libclang-rt-dev-wasm32)
command -v wat2wasm >/dev/null || need+=(wabt)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi

sources=(fib.c sieve.c i32loop.c matmul.c hash.c interp.c indirect.c memops.c heapsort.c)

# Wasm 2.0 features that clang 14 leaves off by default. No SIMD: the kernels measure scalar code
# (the native build below turns auto-vectorization off for the same reason).
features=(-mbulk-memory -msign-ext -mnontrapping-fptoint -mmutable-globals -mmultivalue)
clang --target=wasm32-wasi -O2 -mexec-model=reactor "${features[@]}" \
  -Wl,--strip-all -o kernels.wasm "${sources[@]}"
wat2wasm calls.wat -o calls.wasm

mkdir -p native
clang -O2 -fno-vectorize -fno-slp-vectorize -shared -fPIC -fvisibility=hidden \
  -o native/libkernels.so "${sources[@]}"

# A larger module for compile-speed figures: many distinct functions of mixed control flow.
python3 gen_large.py native/large.c
clang --target=wasm32-wasi -O1 -mexec-model=reactor "${features[@]}" \
  -Wl,--strip-all -o native/large.wasm native/large.c

if command -v wasm-objdump >/dev/null; then
  imports=$(wasm-objdump -j Import -x kernels.wasm 2>/dev/null | grep -c ' <- ' || true)
  echo "kernels.wasm: $(stat -c %s kernels.wasm) bytes, $imports imports"
  [ "$imports" = 0 ] || { wasm-objdump -j Import -x kernels.wasm; echo "kernels.wasm must import nothing" >&2; exit 1; }
  echo "br_table: $(wasm-objdump -d kernels.wasm | grep -c br_table), call_indirect: $(wasm-objdump -d kernels.wasm | grep -c call_indirect), memory.copy/fill: $(wasm-objdump -d kernels.wasm | grep -cE 'memory\.(copy|fill)')"
fi
echo "large.wasm: $(stat -c %s native/large.wasm) bytes"

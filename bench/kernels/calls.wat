;; Boundary benchmarks (shapes from wasmtime benches/call.rs):
;;  - host→guest: `nop` and `add` called from C# through a typed function;
;;  - guest→host: `call_host n` calls the imported `host.inc` n times in a wasm loop.
;; Also the "small module" for instantiation timing: one import, one page of memory, one data segment.
(module
  (import "host" "inc" (func $inc (param i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "witsharp-bench")
  (func (export "nop"))
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "call_host") (param $n i32) (result i32)
    (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (call $inc (local.get $acc)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $acc)))

;; The guest of the quick start, written by hand as a core module (build.sh turns it into calc.wasm with
;; jco embed + jco new against ../wit/calc.wit). It exports `witsharp:quickstart/calculator#eval` and imports
;; `witsharp:quickstart/logging#log`; signatures follow the canonical ABI (CanonicalABI.md "Flattening").
(module
  (import "witsharp:quickstart/logging" "log" (func $log (param i32 i32 i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (data (i32.const 16) "division by zero")
  (data (i32.const 48) "unknown operation")
  (data (i32.const 80) "result out of range")

  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $heap) (i32.sub (local.get 2) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get 2))))
    (global.set $heap (i32.add (local.get $p) (local.get 3)))
    (local.get $p))

  ;; eval(op, {left, right}) -> outcome: value(s32) | overflow | divide-by-zero, written at a return area
  ;; (discriminant byte at 0, payload at 4).
  (func (export "witsharp:quickstart/calculator#eval")
        (param $op i32) (param $len i32) (param $l i32) (param $r i32) (result i32)
    (local $wide i64) (local $c i32)
    (global.set $heap (i32.const 1024))
    (local.set $c (i32.load8_u (local.get $op)))
    (block $computed
      (if (i32.eq (local.get $c) (i32.const 0x61)) ;; add
        (then (local.set $wide (i64.add (i64.extend_i32_s (local.get $l)) (i64.extend_i32_s (local.get $r)))) (br $computed)))
      (if (i32.eq (local.get $c) (i32.const 0x73)) ;; sub
        (then (local.set $wide (i64.sub (i64.extend_i32_s (local.get $l)) (i64.extend_i32_s (local.get $r)))) (br $computed)))
      (if (i32.eq (local.get $c) (i32.const 0x6d)) ;; mul
        (then (local.set $wide (i64.mul (i64.extend_i32_s (local.get $l)) (i64.extend_i32_s (local.get $r)))) (br $computed)))
      (if (i32.eq (local.get $c) (i32.const 0x64)) ;; div
        (then
          (if (i32.eqz (local.get $r))
            (then
              (call $log (i32.const 1) (i32.const 16) (i32.const 16))
              (i32.store8 (i32.const 0) (i32.const 2))
              (return (i32.const 0))))
          (local.set $wide (i64.div_s (i64.extend_i32_s (local.get $l)) (i64.extend_i32_s (local.get $r))))
          (br $computed)))
      (call $log (i32.const 1) (i32.const 48) (i32.const 17))
      (i32.store8 (i32.const 0) (i32.const 2))
      (return (i32.const 0)))
    (if (i64.ne (local.get $wide) (i64.extend_i32_s (i32.wrap_i64 (local.get $wide))))
      (then
        (call $log (i32.const 0) (i32.const 80) (i32.const 19))
        (i32.store8 (i32.const 0) (i32.const 1))
        (return (i32.const 0))))
    (i32.store8 (i32.const 0) (i32.const 0))
    (i32.store (i32.const 4) (i32.wrap_i64 (local.get $wide)))
    (i32.const 0))
)

;; Benchmark component for `--components` (bench/WitSharp.Benchmarks/ComponentBenchmarks.cs): one function per
;; measured boundary shape. Loaded from this text by both sides (WitSharp Component.FromText and
;; Wasmtime.Components.Component.FromText), so there is no binary to rebuild.
;; The guest allocator is a bump allocator that grows memory on demand; every function that makes the host
;; allocate (strings, lists) resets it in post-return, like an arena per call.
(component
  (core module $libc
    (memory (export "mem") 1)
    (global $bump (mut i32) (i32.const 1024))
    (func (export "realloc") (param $old i32) (param $oldsize i32) (param $align i32) (param $size i32) (result i32)
      (local $p i32) (local $end i32) (local $have i32)
      (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get $align) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get $align))))
      (local.set $end (i32.add (local.get $p) (local.get $size)))
      (local.set $have (i32.shl (memory.size) (i32.const 16)))
      (if (i32.gt_u (local.get $end) (local.get $have))
        (then
          (if (i32.eq (memory.grow (i32.shr_u (i32.add (i32.sub (local.get $end) (local.get $have)) (i32.const 65535)) (i32.const 16)))
                      (i32.const -1))
            (then unreachable))))
      (global.set $bump (local.get $end))
      (if (local.get $old)
        (then (memory.copy (local.get $p) (local.get $old)
                (select (local.get $oldsize) (local.get $size) (i32.lt_u (local.get $oldsize) (local.get $size))))))
      (local.get $p))
    (func (export "reset") (param i32) (global.set $bump (i32.const 1024))))
  (core instance $libc (instantiate $libc))
  (alias core export $libc "mem" (core memory $mem))
  (alias core export $libc "realloc" (core func $realloc))
  (alias core export $libc "reset" (core func $reset))

  (core module $main
    (import "libc" "mem" (memory 1))
    ;; Results that do not fit one core value are returned at address 32 (8-aligned).
    (func (export "nop"))
    (func (export "mix") (param i32 i64) (result f32)
      (f32.convert_i64_u (i64.add (i64.extend_i32_u (local.get 0)) (local.get 1))))
    (func (export "len") (param i32 i32) (result i32) (local.get 1))
    (func (export "pair") (param i32 i32) (result i32)
      (i32.store (i32.const 32) (local.get 0))
      (i32.store (i32.const 36) (local.get 1))
      (i32.const 32))
    (func (export "person") (param i32 i32 i32 f64) (result i32)
      (i32.store (i32.const 32) (local.get 0))
      (i32.store (i32.const 36) (local.get 1))
      (i32.store (i32.const 40) (local.get 2))
      (f64.store (i32.const 48) (local.get 3))
      (i32.const 32))
    (func (export "shape") (param i32 f32 f32) (result i32)
      (i32.store8 (i32.const 32) (local.get 0))
      (f32.store (i32.const 36) (local.get 1))
      (f32.store (i32.const 40) (local.get 2))
      (i32.const 32)))
  (core instance $m (instantiate $main (with "libc" (instance $libc))))

  (type $person' (record (field "name" string) (field "age" u32) (field "score" f64)))
  (export $person "person" (type $person'))
  (type $shape' (variant (case "circle" f32) (case "rect" (tuple f32 f32)) (case "none")))
  (export $shape "shape" (type $shape'))

  (func (export "nop") (canon lift (core func $m "nop")))
  (func (export "mix") (param "a" u32) (param "b" u64) (result f32) (canon lift (core func $m "mix")))
  (func (export "string-len") (param "s" string) (result u32)
    (canon lift (core func $m "len") (memory $mem) (realloc $realloc) (post-return (core func $reset))))
  (func (export "string-echo") (param "s" string) (result string)
    (canon lift (core func $m "pair") (memory $mem) (realloc $realloc) (post-return (core func $reset))))
  (func (export "bytes-len") (param "b" (list u8)) (result u32)
    (canon lift (core func $m "len") (memory $mem) (realloc $realloc) (post-return (core func $reset))))
  (func (export "echo-person") (param "p" $person) (result $person)
    (canon lift (core func $m "person") (memory $mem) (realloc $realloc) (post-return (core func $reset))))
  (func (export "echo-shape") (param "s" $shape) (result $shape)
    (canon lift (core func $m "shape") (memory $mem) (realloc $realloc)))

  ;; A guest-defined resource for the new/call/drop case: `res-new` (resource.new → own), `res-rep` (borrow; the
  ;; implementing instance receives the rep) and the host's drop of the own handle, which runs the guest dtor.
  (core module $rdtor
    (global $drops (mut i32) (i32.const 0))
    (func (export "dtor") (param i32) (global.set $drops (i32.add (global.get $drops) (i32.const 1)))))
  (core instance $rd (instantiate $rdtor))
  (type $res' (resource (rep i32) (dtor (core func $rd "dtor"))))
  (export $res "res" (type $res'))
  (core func $res-new (canon resource.new $res'))
  (core module $rmain
    (import "" "new" (func $new (param i32) (result i32)))
    (func (export "make") (param i32) (result i32) (call $new (local.get 0)))
    (func (export "rep") (param i32) (result i32) (local.get 0)))
  (core instance $rm (instantiate $rmain (with "" (instance (export "new" (func $res-new))))))
  (func (export "res-new") (param "rep" u32) (result (own $res)) (canon lift (core func $rm "make")))
  (func (export "res-rep") (param "self" (borrow $res)) (result u32) (canon lift (core func $rm "rep")))
)

;; Core module implementing world.wit's `kitchen` world. Core signatures follow CanonicalABI.md "Flattening"
;; (more than one flat result → a return pointer; a variant's payloads join into one i32 slot), export names
;; follow wit-component (`name`, `iface#name`), imports come from the interface's module name.
(module
  (import "e2e:kitchen/host" "log" (func $log (param i32 i32)))
  (import "e2e:kitchen/host" "offset" (func $offset (param i32)))
  (import "e2e:kitchen/host" "[constructor]tally" (func $tally_new (param i32) (result i32)))
  (import "e2e:kitchen/host" "[method]tally.add" (func $tally_add (param i32 i32)))
  (import "e2e:kitchen/host" "[method]tally.total" (func $tally_total (param i32) (result i32)))
  (import "e2e:kitchen/host" "[resource-drop]tally" (func $tally_drop (param i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (data (i32.const 16) "Hello, ")
  (data (i32.const 23) "!")
  (data (i32.const 32) "shifted by the host offset")
  (data (i32.const 96) "division by zero")

  ;; A bump allocator: the tests run short-lived instances, nothing is freed.
  (func $alloc (param $size i32) (param $align i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and
      (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
      (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $p) (local.get $size)))
    (local.get $p))
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (call $alloc (local.get 3) (local.get 2)))

  ;; greet(name) = "Hello, " + name + "!"
  (func (export "greet") (param $ptr i32) (param $len i32) (result i32)
    (local $out i32) (local $ret i32)
    (local.set $out (call $alloc (i32.add (local.get $len) (i32.const 8)) (i32.const 1)))
    (memory.copy (local.get $out) (i32.const 16) (i32.const 7))
    (memory.copy (i32.add (local.get $out) (i32.const 7)) (local.get $ptr) (local.get $len))
    (i32.store8 (i32.add (local.get $out) (i32.add (local.get $len) (i32.const 7))) (i32.const 33))
    (local.set $ret (call $alloc (i32.const 8) (i32.const 4)))
    (i32.store (local.get $ret) (local.get $out))
    (i32.store offset=4 (local.get $ret) (i32.add (local.get $len) (i32.const 8)))
    (local.get $ret))

  (func $point (param $x i32) (param $y i32) (result i32)
    (local $ret i32)
    (local.set $ret (call $alloc (i32.const 8) (i32.const 4)))
    (i32.store (local.get $ret) (local.get $x))
    (i32.store offset=4 (local.get $ret) (local.get $y))
    (local.get $ret))

  (func (export "add-points") (param i32 i32 i32 i32) (result i32)
    (call $point (i32.add (local.get 0) (local.get 2)) (i32.add (local.get 1) (local.get 3))))

  (func (export "sum") (param $ptr i32) (param $len i32) (result i64)
    (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $len)))
        (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_s (i32.load (local.get $ptr)))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 4)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $next)))
    (local.get $acc))

  ;; shape: 0 circle(r) → 3·r·r, 1 rect(point) → x·y, 2 empty → 0
  (func (export "area") (param $case i32) (param $a i32) (param $b i32) (result f32)
    (local $r f32)
    (if (i32.eq (local.get $case) (i32.const 0))
      (then
        (local.set $r (f32.reinterpret_i32 (local.get $a)))
        (return (f32.mul (f32.const 3) (f32.mul (local.get $r) (local.get $r))))))
    (if (i32.eq (local.get $case) (i32.const 1))
      (then (return (f32.convert_i32_s (i32.mul (local.get $a) (local.get $b))))))
    (f32.const 0))

  (func (export "next") (param i32) (result i32)
    (i32.rem_u (i32.add (local.get 0) (i32.const 1)) (i32.const 3)))

  (func (export "toggle") (param i32) (result i32)
    (i32.xor (local.get 0) (i32.const 7)))

  ;; option<u32>: the index of the first element equal to needle
  (func (export "find") (param $ptr i32) (param $len i32) (param $needle i32) (result i32)
    (local $i i32) (local $ret i32)
    (local.set $ret (call $alloc (i32.const 8) (i32.const 4)))
    (i32.store (local.get $ret) (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (if (i32.eq (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 2)))) (local.get $needle))
          (then
            (i32.store8 (local.get $ret) (i32.const 1))
            (i32.store offset=4 (local.get $ret) (local.get $i))
            (br $done)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $ret))

  ;; result<s32, string>: discriminant byte at 0, payload at 4
  (func (export "checked-div") (param $a i32) (param $b i32) (result i32)
    (local $ret i32)
    (local.set $ret (call $alloc (i32.const 12) (i32.const 4)))
    (if (i32.eqz (local.get $b))
      (then
        (i32.store8 (local.get $ret) (i32.const 1))
        (i32.store offset=4 (local.get $ret) (i32.const 96))
        (i32.store offset=8 (local.get $ret) (i32.const 16)))
      (else
        (i32.store8 (local.get $ret) (i32.const 0))
        (i32.store offset=4 (local.get $ret) (i32.div_s (local.get $a) (local.get $b)))))
    (local.get $ret))

  ;; shifted(p) = p + host.offset(), after host.log("shifted by the host offset")
  (func (export "shifted") (param $x i32) (param $y i32) (result i32)
    (local $tmp i32)
    (local.set $tmp (call $alloc (i32.const 8) (i32.const 4)))
    (call $offset (local.get $tmp))
    (call $log (i32.const 32) (i32.const 26))
    (call $point
      (i32.add (local.get $x) (i32.load (local.get $tmp)))
      (i32.add (local.get $y) (i32.load offset=4 (local.get $tmp)))))

;; count-to(n): a host tally from 0, add 1..n, read the total, drop the tally (its host destructor runs)
  (func (export "count-to") (param $n i32) (result i32)
    (local $t i32) (local $i i32) (local $r i32)
    (local.set $t (call $tally_new (i32.const 0)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (call $tally_add (local.get $t) (local.get $i))
        (br $next)))
    (local.set $r (call $tally_total (local.get $t)))
    (call $tally_drop (local.get $t))
    (local.get $r))

  (func (export "e2e:kitchen/math#mul") (param i32 i32) (result i32)
    (i32.mul (local.get 0) (local.get 1)))
)

;; The component behind handles/world.wit (component text format, loaded with Component.FromText).
(component
  (import "e2e:handles/host" (instance $host
    (export "thing" (type $t (sub resource)))
    (export "[constructor]thing" (func (param "v" u32) (result (own $t))))
    (export "[method]thing.value" (func (param "self" (borrow $t)) (result u32)))))
  (alias export $host "thing" (type $thing))
  (alias export $host "[method]thing.value" (func $value))
  (core func $value-lowered (canon lower (func $value)))
  (core func $drop (canon resource.drop $thing))

  (core module $libc
    (memory (export "mem") 1)
    (global $bump (mut i32) (i32.const 1024))
    (func (export "realloc") (param i32 i32 i32 i32) (result i32)
      (local $p i32)
      (local.set $p (i32.and (i32.add (global.get $bump) (i32.sub (local.get 2) (i32.const 1)))
                             (i32.sub (i32.const 0) (local.get 2))))
      (global.set $bump (i32.add (local.get $p) (local.get 3)))
      (local.get $p)))
  (core instance $libc (instantiate $libc))
  (alias core export $libc "mem" (core memory $mem))
  (alias core export $libc "realloc" (core func $realloc))

  (core module $m
    (import "libc" "mem" (memory 1))
    (import "h" "value" (func $value (param i32) (result i32)))
    (import "h" "drop" (func $drop (param i32)))
    ;; A borrow handle the component received must be dropped before it returns (CanonicalABI.md "canon lift").
    (func (export "peek") (param i32) (result i32)
      (local $r i32)
      (local.set $r (call $value (local.get 0)))
      (call $drop (local.get 0))
      (local.get $r))
    ;; (ptr, len) of borrow handles: the sum of their values; each borrow handle is dropped before returning.
    (func (export "peek-all") (param $ptr i32) (param $len i32) (result i32)
      (local $sum i32) (local $h i32)
      (block $done
        (loop $next
          (br_if $done (i32.eqz (local.get $len)))
          (local.set $h (i32.load (local.get $ptr)))
          (local.set $sum (i32.add (local.get $sum) (call $value (local.get $h))))
          (call $drop (local.get $h))
          (local.set $ptr (i32.add (local.get $ptr) (i32.const 4)))
          (local.set $len (i32.sub (local.get $len) (i32.const 1)))
          (br $next)))
      (local.get $sum))
    (func (export "consume") (param i32) (result i32)
      (local $r i32)
      (local.set $r (call $value (local.get 0)))
      (call $drop (local.get 0))
      (local.get $r))
    (func (export "pass") (param i32) (result i32) (local.get 0)))
  (core instance $i (instantiate $m
    (with "libc" (instance $libc))
    (with "h" (instance (export "value" (func $value-lowered)) (export "drop" (func $drop))))))

  (func (export "peek") (param "t" (borrow $thing)) (result u32) (canon lift (core func $i "peek")))
  (func (export "peek-all") (param "ts" (list (borrow $thing))) (result u32)
    (canon lift (core func $i "peek-all") (memory $mem) (realloc $realloc)))
  (func (export "consume") (param "t" (own $thing)) (result u32) (canon lift (core func $i "consume")))
  (func (export "pass") (param "t" (own $thing)) (result (own $thing)) (canon lift (core func $i "pass")))
)

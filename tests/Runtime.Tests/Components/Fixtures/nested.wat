;; Nested components, component instantiation with arguments, outer aliases and exported instances
;; (build: ./build.sh). The inner component imports a function and doubles what it returns; the outer
;; component supplies a host import as that argument and re-exports the result as an interface.
(component
  (import "base" (func $base (param "x" u32) (result u32)))
  (type $greet-t (func (param "name" string) (result string)))
  (component $inner
    (import "get" (func $get (param "x" u32) (result u32)))
    (core module $m
      (import "host" "get" (func $get (param i32) (result i32)))
      (func (export "double") (param i32) (result i32)
        (i32.mul (call $get (local.get 0)) (i32.const 2))))
    (core func $get-lowered (canon lower (func $get)))
    (core instance $i (instantiate $m (with "host" (instance (export "get" (func $get-lowered))))))
    (func $double (param "x" u32) (result u32) (canon lift (core func $i "double")))
    (export "double" (func $double)))
  (component $greeter
    (alias outer 1 $greet-t (type $t))
    (core module $libc
      (memory (export "mem") 1)
      (global $bump (mut i32) (i32.const 1024))
      (func (export "realloc") (param i32 i32 i32 i32) (result i32)
        (local $p i32)
        (local.set $p (global.get $bump))
        (global.set $bump (i32.add (global.get $bump) (local.get 3)))
        (local.get $p)))
    (core instance $libc (instantiate $libc))
    (core module $m
      (import "libc" "mem" (memory 1))
      ;; Returns the input string with its first byte replaced by `J`.
      (func (export "greet") (param i32 i32) (result i32)
        (i32.store8 (local.get 0) (i32.const 74))
        (i32.store (i32.const 8) (local.get 0))
        (i32.store (i32.const 12) (local.get 1))
        (i32.const 8)))
    (core instance $i (instantiate $m (with "libc" (instance $libc))))
    (func $greet (type $t) (canon lift (core func $i "greet") (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
    (export "greet" (func $greet)))
  (instance $a (instantiate $inner (with "get" (func $base))))
  (instance $b (instantiate $inner (with "get" (func $a "double"))))
  (instance $g (instantiate $greeter))
  (alias export $b "double" (func $quadruple))
  (instance $iface (export "quadruple" (func $quadruple)) (export "greet" (func $g "greet")))
  (export "test:nested/math" (instance $iface))
  (export "double" (func $a "double"))
)

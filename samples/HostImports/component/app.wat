;; The guest of the HostImports sample, a hand-written core module (build.sh: jco embed + jco new against
;; world.wit). Imported resource functions take and return i32 handles (CanonicalABI.md "Handle types").
(module
  (import "witsharp:host-imports/host" "print" (func $print (param i32 i32)))
  (import "witsharp:host-imports/host" "[constructor]counter" (func $counter_new (param i32) (result i32)))
  (import "witsharp:host-imports/host" "[method]counter.bump" (func $bump (param i32) (result i32)))
  (import "witsharp:host-imports/host" "[resource-drop]counter" (func $counter_drop (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "tick from the guest")
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  (func (export "run") (param $times i32) (result i32)
    (local $c i32) (local $last i32)
    (local.set $c (call $counter_new (i32.const 100)))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $times)))
        (call $print (i32.const 16) (i32.const 19))
        (local.set $last (call $bump (local.get $c)))
        (local.set $times (i32.sub (local.get $times) (i32.const 1)))
        (br $next)))
    (call $counter_drop (local.get $c))
    (local.get $last))
)

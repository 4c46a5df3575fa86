;; Component-to-component benchmark for `--fused` (bench/WitSharp.Benchmarks/FusedCallBenchmarks.cs): a caller
;; component whose core code calls another component's exports through fused adapters (canon lower of a
;; canon lift) in a loop, so the figures are the adapter's cost: each `run-*` export takes an iteration count.
;; The callee's realloc is a bump allocator reset in post-return; the caller's realloc (for the record's string
;; coming back) hands out one fixed buffer. Loaded from this text by both sides, as bench.wat is.
(component
  (component $callee
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
      (func (export "len") (param i32 i32) (result i32) (local.get 1))
      (func (export "person") (param i32 i32 i32 f64) (result i32)
        (i32.store (i32.const 32) (local.get 0))
        (i32.store (i32.const 36) (local.get 1))
        (i32.store (i32.const 40) (local.get 2))
        (f64.store (i32.const 48) (local.get 3))
        (i32.const 32)))
    (core instance $m (instantiate $main (with "libc" (instance $libc))))
    (type $person' (record (field "name" string) (field "age" u32) (field "score" f64)))
    (export $person "person" (type $person'))
    (func (export "string-len") (param "s" string) (result u32)
      (canon lift (core func $m "len") (memory $mem) (realloc $realloc) (post-return (core func $reset))))
    (func (export "string16-len") (param "s" string) (result u32)
      (canon lift (core func $m "len") (memory $mem) (realloc $realloc) string-encoding=utf16 (post-return (core func $reset))))
    (func (export "bytes-len") (param "b" (list u8)) (result u32)
      (canon lift (core func $m "len") (memory $mem) (realloc $realloc) (post-return (core func $reset))))
    (func (export "echo-person") (param "p" $person) (result $person)
      (canon lift (core func $m "person") (memory $mem) (realloc $realloc) (post-return (core func $reset)))))

  (component $caller
    (type $person' (record (field "name" string) (field "age" u32) (field "score" f64)))
    (import "person" (type $person (eq $person')))
    (import "string-len" (func $string-len (param "s" string) (result u32)))
    (import "string16-len" (func $string16-len (param "s" string) (result u32)))
    (import "bytes-len" (func $bytes-len (param "b" (list u8)) (result u32)))
    (import "echo-person" (func $echo-person (param "p" $person) (result $person)))
    (core module $libc
      ;; 0x1000: a 1 KiB ASCII string; 0x2000: a 1 KiB string with 2-byte UTF-8 characters ("é" x 512);
      ;; 0x10000: 64 KiB of bytes; 0x100: the returned record; 0x8000: the record's string coming back.
      (memory (export "mem") 2)
      (func (export "realloc") (param i32 i32 i32 i32) (result i32) (i32.const 0x8000))
      (func $init
        (local $i i32)
        (memory.fill (i32.const 0x1000) (i32.const 0x61) (i32.const 1024))
        (loop $l
          (i32.store16 (i32.add (i32.const 0x2000) (i32.shl (local.get $i) (i32.const 1))) (i32.const 0xa9c3))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (i32.const 512))))
        (memory.fill (i32.const 0x10000) (i32.const 7) (i32.const 65536))
        (memory.fill (i32.const 0x3000) (i32.const 0x41) (i32.const 12)))
      (start $init))
    (core instance $libc (instantiate $libc))
    (alias core export $libc "mem" (core memory $mem))
    (alias core export $libc "realloc" (core func $realloc))
    (core func $sl (canon lower (func $string-len) (memory $mem)))
    (core func $s16 (canon lower (func $string16-len) (memory $mem)))
    (core func $bl (canon lower (func $bytes-len) (memory $mem)))
    (core func $ep (canon lower (func $echo-person) (memory $mem) (realloc $realloc)))
    (core module $loop
      (import "" "sl" (func $sl (param i32 i32) (result i32)))
      (import "" "s16" (func $s16 (param i32 i32) (result i32)))
      (import "" "bl" (func $bl (param i32 i32) (result i32)))
      (import "" "ep" (func $ep (param i32 i32 i32 f64 i32)))
      (import "libc" "mem" (memory 2))
      (func (export "run-string") (param $n i32) (result i32) (local $acc i32)
        (loop $l
          (local.set $acc (i32.add (local.get $acc) (call $sl (i32.const 0x1000) (i32.const 1024))))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.get $acc))
      (func (export "run-string-short") (param $n i32) (result i32) (local $acc i32)
        (loop $l
          (local.set $acc (i32.add (local.get $acc) (call $sl (i32.const 0x1000) (i32.const 16))))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.get $acc))
      (func (export "run-string16") (param $n i32) (result i32) (local $acc i32)
        (loop $l
          (local.set $acc (i32.add (local.get $acc) (call $s16 (i32.const 0x2000) (i32.const 1024))))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.get $acc))
      (func (export "run-bytes") (param $n i32) (result i32) (local $acc i32)
        (loop $l
          (local.set $acc (i32.add (local.get $acc) (call $bl (i32.const 0x10000) (i32.const 65536))))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.get $acc))
      (func (export "run-record") (param $n i32) (result i32) (local $acc i32)
        (loop $l
          (call $ep (i32.const 0x3000) (i32.const 12) (i32.const 36) (f64.const 99.5) (i32.const 0x100))
          (local.set $acc (i32.add (local.get $acc) (i32.add (i32.load (i32.const 0x104)) (i32.load (i32.const 0x108)))))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.get $acc)))
    (core instance $loop (instantiate $loop
      (with "" (instance (export "sl" (func $sl)) (export "s16" (func $s16)) (export "bl" (func $bl)) (export "ep" (func $ep))))
      (with "libc" (instance $libc))))
    (func (export "run-string") (param "n" u32) (result u32) (canon lift (core func $loop "run-string")))
    (func (export "run-string-short") (param "n" u32) (result u32) (canon lift (core func $loop "run-string-short")))
    (func (export "run-string16") (param "n" u32) (result u32) (canon lift (core func $loop "run-string16")))
    (func (export "run-bytes") (param "n" u32) (result u32) (canon lift (core func $loop "run-bytes")))
    (func (export "run-record") (param "n" u32) (result u32) (canon lift (core func $loop "run-record"))))

  (instance $callee (instantiate $callee))
  (instance $caller (instantiate $caller
    (with "person" (type $callee "person"))
    (with "string-len" (func $callee "string-len"))
    (with "string16-len" (func $callee "string16-len"))
    (with "bytes-len" (func $callee "bytes-len"))
    (with "echo-person" (func $callee "echo-person"))))
  (export "run-string" (func $caller "run-string"))
  (export "run-string-short" (func $caller "run-string-short"))
  (export "run-string16" (func $caller "run-string16"))
  (export "run-bytes" (func $caller "run-bytes"))
  (export "run-record" (func $caller "run-record")))

using WitSharp.Components;
using WitSharp.Components.Text;

namespace WitSharp.Runtime.Tests.Components.Resources;

/// <summary>The WAT components the resource tests instantiate.</summary>
internal static class ResourceTestComponents
{
    public static Component Compile(Engine engine, string wat) => Component.FromBytes(engine, ComponentWat.Parse(wat));

    /// <summary>A component defining resource <c>r</c> (rep i32) with a destructor that counts drops, and a second
    /// resource <c>r2</c> without one. Exports: <c>make(rep) -> own&lt;r&gt;</c>, <c>get-rep(borrow&lt;r&gt;)</c>
    /// (the implementation receives the rep), <c>take(own&lt;r&gt;)</c> (reads the rep, drops: dtor runs),
    /// <c>drops</c>/<c>last-drop</c>, <c>drop-handle(i32)</c> (raw <c>resource.drop</c>), <c>r1-as-r2</c> (returns an
    /// r handle as own&lt;r2&gt;) and <c>new-in-post-return</c> (calls <c>resource.new</c> from post-return).</summary>
    public const string Guest = """
        (component
          (core module $Dtor
            (global $drops (mut i32) (i32.const 0))
            (global $last (mut i32) (i32.const -1))
            (func (export "dtor") (param i32)
              (global.set $drops (i32.add (global.get $drops) (i32.const 1)))
              (global.set $last (local.get 0)))
            (func (export "drops") (result i32) (global.get $drops))
            (func (export "last") (result i32) (global.get $last)))
          (core instance $d (instantiate $Dtor))
          (type $R (resource (rep i32) (dtor (core func $d "dtor"))))
          (type $R2 (resource (rep i32)))
          (export $r "r" (type $R))
          (export $r2 "r2" (type $R2))
          (core func $new (canon resource.new $R))
          (core func $rep (canon resource.rep $R))
          (core func $drop (canon resource.drop $R))
          (core module $M
            (import "" "new" (func $new (param i32) (result i32)))
            (import "" "rep" (func $rep (param i32) (result i32)))
            (import "" "drop" (func $drop (param i32)))
            (func (export "make") (param i32) (result i32) (call $new (local.get 0)))
            (func (export "get-rep") (param i32) (result i32) (local.get 0))
            (func (export "take") (param $h i32) (result i32)
              (local $v i32)
              (local.set $v (call $rep (local.get $h)))
              (call $drop (local.get $h))
              (local.get $v))
            (func (export "drop-handle") (param i32) (call $drop (local.get 0)))
            (func (export "r1-as-r2") (result i32) (call $new (i32.const 5)))
            (func (export "nop"))
            (func (export "new-in-post-return") (drop (call $new (i32.const 1)))))
          (core instance $m (instantiate $M (with "" (instance
            (export "new" (func $new)) (export "rep" (func $rep)) (export "drop" (func $drop))))))
          (func (export "make") (param "rep" u32) (result (own $r)) (canon lift (core func $m "make")))
          (func (export "get-rep") (param "self" (borrow $r)) (result u32) (canon lift (core func $m "get-rep")))
          (func (export "take") (param "x" (own $r)) (result u32) (canon lift (core func $m "take")))
          (func (export "drop-handle") (param "h" u32) (canon lift (core func $m "drop-handle")))
          (func (export "r1-as-r2") (result (own $r2)) (canon lift (core func $m "r1-as-r2")))
          (func (export "new-in-post-return")
            (canon lift (core func $m "nop") (post-return (core func $m "new-in-post-return"))))
          (func (export "drops") (result u32) (canon lift (core func $d "drops")))
          (func (export "last-drop") (result s32) (canon lift (core func $d "last"))))
        """;

    /// <summary>A component whose resource handles travel inside other types, through linear memory:
    /// <c>maybe(rep) -> option&lt;own&lt;r&gt;&gt;</c> (returned through a return pointer; none for rep 0) and
    /// <c>sum-reps(list&lt;borrow&lt;r&gt;&gt;) -> u32</c> (the implementation reads the reps from the list).</summary>
    public const string Compound = """
        (component
          (type $R (resource (rep i32)))
          (export $r "r" (type $R))
          (core func $new (canon resource.new $R))
          (core module $M
            (import "" "new" (func $new (param i32) (result i32)))
            (memory (export "mem") 1)
            (global $next (mut i32) (i32.const 1024))
            (func (export "realloc") (param i32 i32 i32 i32) (result i32)
              (local $p i32)
              (local.set $p (i32.and (i32.add (global.get $next) (i32.sub (local.get 2) (i32.const 1)))
                                     (i32.sub (i32.const 0) (local.get 2))))
              (global.set $next (i32.add (local.get $p) (local.get 3)))
              (local.get $p))
            (func (export "maybe") (param $rep i32) (result i32)
              (if (i32.eqz (local.get $rep))
                (then (i32.store8 (i32.const 16) (i32.const 0)))
                (else
                  (i32.store8 (i32.const 16) (i32.const 1))
                  (i32.store (i32.const 20) (call $new (local.get $rep)))))
              (i32.const 16))
            (func (export "sum-reps") (param $ptr i32) (param $len i32) (result i32)
              (local $sum i32)
              (block $done
                (loop $next
                  (br_if $done (i32.eqz (local.get $len)))
                  (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $ptr))))
                  (local.set $ptr (i32.add (local.get $ptr) (i32.const 4)))
                  (local.set $len (i32.sub (local.get $len) (i32.const 1)))
                  (br $next)))
              (local.get $sum)))
          (core instance $m (instantiate $M (with "" (instance (export "new" (func $new))))))
          (func (export "maybe") (param "rep" u32) (result (option (own $r)))
            (canon lift (core func $m "maybe") (memory (core memory $m "mem"))))
          (func (export "sum-reps") (param "xs" (list (borrow $r))) (result u32)
            (canon lift (core func $m "sum-reps") (memory (core memory $m "mem")) (realloc (core func $m "realloc")))))
        """;

    /// <summary>A component defining resource <c>r</c> with a destructor, exporting <c>make() -> own&lt;r&gt;</c> and
    /// <c>call-host()</c>, which calls the imported host function <c>callback</c> while the instance is entered.</summary>
    public const string Reentrant = """
        (component
          (import "callback" (func $cb))
          (core module $Dtor (func (export "dtor") (param i32)))
          (core instance $d (instantiate $Dtor))
          (type $R (resource (rep i32) (dtor (core func $d "dtor"))))
          (export $r "r" (type $R))
          (core func $new (canon resource.new $R))
          (core func $cb' (canon lower (func $cb)))
          (core module $M
            (import "" "new" (func $new (param i32) (result i32)))
            (import "" "cb" (func $cb))
            (func (export "make") (result i32) (call $new (i32.const 1)))
            (func (export "call-host") (call $cb)))
          (core instance $m (instantiate $M (with "" (instance (export "new" (func $new)) (export "cb" (func $cb'))))))
          (func (export "make") (result (own $r)) (canon lift (core func $m "make")))
          (func (export "call-host") (canon lift (core func $m "call-host"))))
        """;

    /// <summary>A component importing the host resource <c>counter</c> with a constructor and methods.
    /// Exports: <c>run(start) -> u32</c> (new, inc twice, get, drop), <c>hold(start) -> own&lt;counter&gt;</c>,
    /// <c>use-borrow(borrow) -> u32</c> (calls get through its borrow handle, then drops the borrow),
    /// <c>leak-borrow(borrow)</c> (returns without dropping it), <c>give(own)</c> (drops it) and
    /// <c>lend-and-move()</c> (passes one handle as both the borrow and the own argument of <c>take-own</c>).</summary>
    public const string HostUser = """
        (component
          (import "counter" (type $c (sub resource)))
          (import "[constructor]counter" (func $ctor (param "start" u32) (result (own $c))))
          (import "[method]counter.get" (func $get (param "self" (borrow $c)) (result u32)))
          (import "[method]counter.inc" (func $inc (param "self" (borrow $c))))
          (import "[method]counter.take-own" (func $take-own (param "self" (borrow $c)) (param "other" (own $c))))
          (core func $ctor' (canon lower (func $ctor)))
          (core func $get' (canon lower (func $get)))
          (core func $inc' (canon lower (func $inc)))
          (core func $take-own' (canon lower (func $take-own)))
          (core func $drop (canon resource.drop $c))
          (core module $M
            (import "" "ctor" (func $ctor (param i32) (result i32)))
            (import "" "get" (func $get (param i32) (result i32)))
            (import "" "inc" (func $inc (param i32)))
            (import "" "take-own" (func $take-own (param i32 i32)))
            (import "" "drop" (func $drop (param i32)))
            (func (export "run") (param i32) (result i32)
              (local $h i32) (local $v i32)
              (local.set $h (call $ctor (local.get 0)))
              (call $inc (local.get $h))
              (call $inc (local.get $h))
              (local.set $v (call $get (local.get $h)))
              (call $drop (local.get $h))
              (local.get $v))
            (func (export "hold") (param i32) (result i32) (call $ctor (local.get 0)))
            (func (export "use-borrow") (param $b i32) (result i32)
              (local $v i32)
              (local.set $v (call $get (local.get $b)))
              (call $drop (local.get $b))
              (local.get $v))
            (func (export "leak-borrow") (param i32))
            (func (export "give") (param i32) (call $drop (local.get 0)))
            (func (export "lend-and-move")
              (local $h i32)
              (local.set $h (call $ctor (i32.const 1)))
              (call $take-own (local.get $h) (local.get $h))))
          (core instance $m (instantiate $M (with "" (instance
            (export "ctor" (func $ctor')) (export "get" (func $get')) (export "inc" (func $inc'))
            (export "take-own" (func $take-own')) (export "drop" (func $drop))))))
          (func (export "run") (param "start" u32) (result u32) (canon lift (core func $m "run")))
          (func (export "hold") (param "start" u32) (result (own $c)) (canon lift (core func $m "hold")))
          (func (export "use-borrow") (param "c" (borrow $c)) (result u32) (canon lift (core func $m "use-borrow")))
          (func (export "leak-borrow") (param "c" (borrow $c)) (canon lift (core func $m "leak-borrow")))
          (func (export "give") (param "c" (own $c)) (canon lift (core func $m "give")))
          (func (export "lend-and-move") (canon lift (core func $m "lend-and-move"))))
        """;
}

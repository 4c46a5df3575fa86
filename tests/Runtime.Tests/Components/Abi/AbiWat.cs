using WitSharp.Components;
using WitSharp.Components.Text;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>Builds small test components from WAT and instantiates them with no imports.</summary>
internal static class AbiWat
{
    /// <summary>A bump allocator honouring the requested alignment; a shrinking realloc keeps the block in place
    /// and a growing one copies. It counts its calls in global 0 (exported as "realloc-count").</summary>
    public const string Libc = """
        (global $next (mut i32) (i32.const 1024))
        (global $calls (mut i32) (i32.const 0))
        (func (export "realloc") (param $old i32) (param $osize i32) (param $align i32) (param $nsize i32) (result i32)
          (local $r i32)
          (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
          (if (i32.and (i32.ne (local.get $old) (i32.const 0)) (i32.le_u (local.get $nsize) (local.get $osize)))
            (then (return (local.get $old))))
          (global.set $next (i32.and (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
                                     (i32.sub (i32.const 0) (local.get $align))))
          (local.set $r (global.get $next))
          (global.set $next (i32.add (global.get $next) (local.get $nsize)))
          (if (i32.ne (local.get $old) (i32.const 0))
            (then (memory.copy (local.get $r) (local.get $old) (local.get $osize))))
          (local.get $r))
        (func (export "realloc-count") (result i32) (global.get $calls))
        """;

    /// <summary><see cref="Libc"/> with its heap starting at <paramref name="heapStart"/> and
    /// <paramref name="onEntry"/> run first on every call (a test's hook, e.g. clobbering memory).</summary>
    public static string BumpAllocator(int heapStart, string onEntry) =>
        Libc.Replace("(global $next (mut i32) (i32.const 1024))", $"(global $next (mut i32) (i32.const {heapStart}))", StringComparison.Ordinal)
            .Replace("(local $r i32)", "(local $r i32)\n  " + onEntry, StringComparison.Ordinal);

    public static ComponentInstance Instantiate(string componentText)
    {
        var engine = new Engine();
        var component = Component.FromBytes(engine, ComponentWat.Parse(componentText));
        return new ComponentLinker(engine).Instantiate(new Store(engine), component);
    }

    public static ComponentFunction Func(this ComponentInstance instance, string name) =>
        instance.GetFunction(name) ?? throw new InvalidOperationException($"no export `{name}`");
}

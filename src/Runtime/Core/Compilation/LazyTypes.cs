using System.Collections.Concurrent;
using System.Reflection;

namespace WitSharp.Core.Compilation;

/// <summary>The process-wide <see cref="AppDomain.TypeResolve"/> handler behind lazy emission: the runtime raises
/// the event when JIT-compiled code needs a type of a dynamic module that has not been created yet; the type's
/// name (<c>WasmLazy{serial}_{chunk}</c>) leads to its <see cref="LazyModule"/>, which emits the chunk. Modules
/// are held weakly: an unreachable module has no instance, so none of its code can still need a chunk (and a
/// created type never raises the event again, even when a method is re-JIT-compiled at a higher tier).</summary>
internal static class LazyTypes
{
    private const string Prefix = "WasmLazy";
    private static readonly ConcurrentDictionary<string, WeakReference<LazyModule>> s_modules = new(StringComparer.Ordinal);
    private static int s_serial;
    private static int s_purgeAt = 64;

    static LazyTypes() => AppDomain.CurrentDomain.TypeResolve += OnTypeResolve;

    /// <summary>A fresh process-unique prefix for the chunk types of one module.</summary>
    public static string NewPrefix() => Prefix + Interlocked.Increment(ref s_serial);

    public static void Register(LazyModule module)
    {
        s_modules[module.Prefix] = new WeakReference<LazyModule>(module);
        if (s_modules.Count >= Volatile.Read(ref s_purgeAt)) Purge();
    }

    /// <summary>Drops the entries of collected modules; amortised by doubling the threshold.</summary>
    private static void Purge()
    {
        foreach (var (key, weak) in s_modules)
            if (!weak.TryGetTarget(out _)) s_modules.TryRemove(key, out _);
        Volatile.Write(ref s_purgeAt, Math.Max(64, s_modules.Count * 2));
    }

    private static Assembly? OnTypeResolve(object? sender, ResolveEventArgs args)
    {
        var name = args.Name;
        if (name is null || !name.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        int sep = name.LastIndexOf('_');
        if (sep < 0 || !int.TryParse(name.AsSpan(sep + 1), System.Globalization.NumberStyles.None, null, out int chunk)) return null;
        if (!s_modules.TryGetValue(name[..sep], out var weak) || !weak.TryGetTarget(out var module)) return null;
        if ((uint)chunk >= (uint)module.ChunkCount) return null;
        return module.Resolve(chunk);
    }
}

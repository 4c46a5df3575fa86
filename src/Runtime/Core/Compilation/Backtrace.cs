using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace WitSharp.Core.Compilation;

/// <summary>Turns the .NET stack trace of a trap into wasm frames. Every compiled function is a method named
/// <c>$index</c> on a type registered here with its module, so the trace needs no bookkeeping on the hot
/// path (DESIGN.md: traps are inline throws; nothing runs per call to keep a shadow stack).</summary>
internal static class Backtrace
{
    private static readonly ConcurrentDictionary<Type, CompiledModule> s_modules = new();

    public static void Register(Type type, CompiledModule module) => s_modules[type] = module;

    public static IReadOnlyList<TrapFrame> FromException(Exception e)
    {
        var frames = new List<TrapFrame>();
        var trace = new StackTrace(e, false);
        foreach (var f in trace.GetFrames())
        {
            if (f.GetMethod() is not MethodBase m || m.DeclaringType is not Type t) continue;
            if (!s_modules.TryGetValue(t, out var module)) continue;
            if (!m.Name.StartsWith('$') || !int.TryParse(m.Name.AsSpan(1), out int index)) continue;
            // Names from the name section only, as wasmtime reports them (null when the module has none).
            frames.Add(new TrapFrame(module.Info.ModuleName, module.Info.FunctionNames.GetValueOrDefault((uint)index), index));
        }
        return frames;
    }
}

using System.Globalization;
using WitSharp.Components;
using WitSharp.Components.Text;
using WitSharp.Core.Text;
using V = WitSharp.Components.ComponentValue;
using WastValue = WitSharp.Components.Text.ComponentValue;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>
/// A small runner for the canonical-ABI scripts (values/, strings, transcoding, post-return, realloc): component
/// definitions, instances, invocations, <c>assert_return</c> and <c>assert_trap</c> (the trap must happen; its
/// message is recorded, not matched). It exists so the ABI can be checked file by file without the shared
/// conformance runner; commands it does not understand count as failures with the reason.
/// </summary>
internal static class AbiWastRunner
{
    public sealed record Result(int Passed, int Failed, IReadOnlyList<string> Failures);

    public static Result Run(string path)
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new ComponentLinker(engine);
        var definitions = new Dictionary<string, Component>();
        var instances = new Dictionary<string, ComponentInstance>();
        ComponentInstance? current = null;
        int passed = 0;
        var failures = new List<string>();
        var commands = ComponentWast.ParseScript(File.ReadAllText(path));
        foreach (var cmd in commands)
        {
            try
            {
                switch (cmd)
                {
                    case ComponentWastDefine { Module.IsCoreModule: true }:
                        throw new NotSupportedException("script-level core modules");
                    case ComponentWastDefine d:
                    {
                        var component = Component.FromBytes(engine, d.Module.Encode());
                        if (d.Module.IsDefinition)
                        {
                            definitions[d.Module.Name ?? ""] = component;
                        }
                        else
                        {
                            current = linker.Instantiate(store, component);
                            if (d.Module.Name is { } n) instances[n] = current;
                        }
                        passed++;
                        break;
                    }
                    case ComponentWastInstance i:
                        current = linker.Instantiate(store, definitions[i.Definition]);
                        if (i.Name is { } name) instances[name] = current;
                        passed++;
                        break;
                    case ComponentWastInvoke inv:
                        Invoke(inv.Action);
                        passed++;
                        break;
                    case ComponentWastAssertReturn r:
                    {
                        var actual = Invoke(r.Action);
                        var expected = r.Expected.Count == 0 ? null : Convert(r.Expected[0]);
                        if (!Same(expected, actual))
                            throw new InvalidOperationException($"expected {expected?.ToString() ?? "nothing"}, got {actual?.ToString() ?? "nothing"}");
                        passed++;
                        break;
                    }
                    case ComponentWastAssertTrap { Action: { } action } t:
                    {
                        try
                        {
                            Invoke(action);
                        }
                        catch (TrapException)
                        {
                            passed++;
                            break;
                        }
                        throw new InvalidOperationException($"expected a trap \"{t.Message}\", the call returned");
                    }
                    case ComponentWastAssertTrap { Module: { } module } t:
                    {
                        var component = Component.FromBytes(engine, module.Encode());
                        try
                        {
                            linker.Instantiate(store, component);
                        }
                        catch (TrapException)
                        {
                            passed++;
                            break;
                        }
                        throw new InvalidOperationException($"expected instantiation to trap \"{t.Message}\"");
                    }
                    default:
                        throw new NotSupportedException(cmd.GetType().Name);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"line {cmd.Line}: {e.GetType().Name}: {e.Message}"
                    + (Environment.GetEnvironmentVariable("ABI_WAST_TRACE") is { Length: > 0 } ? "\n" + e : ""));
            }
        }
        return new Result(passed, failures.Count, failures);

        V? Invoke(ComponentWastAction a)
        {
            var inst = a.InstanceName is { } n ? instances[n] : current ?? throw new InvalidOperationException("no instance");
            var f = inst.GetFunction(a.Export) ?? throw new InvalidOperationException($"no export `{a.Export}`");
            return f.Call(a.Args.Select(Convert).ToArray());
        }
    }

    private static bool Same(V? expected, V? actual)
    {
        if (expected is null || actual is null) return expected is null && actual is null;
        if (expected.Kind is ComponentValueKind.F32 or ComponentValueKind.F64 && expected.Kind == actual.Kind)
            return double.IsNaN(expected.Real) ? double.IsNaN(actual.Real) : expected.Real.Equals(actual.Real);
        return expected.ToString() == actual.ToString() && expected.Kind == actual.Kind;
    }

    internal static V Convert(WastValue w)
    {
        switch (w.Kind)
        {
            case "bool": return V.Bool(w.Scalar == "true");
            case "u8": return V.U8((byte)Int(w, 8));
            case "s8": return V.S8((sbyte)Int(w, 8));
            case "u16": return V.U16((ushort)Int(w, 16));
            case "s16": return V.S16((short)Int(w, 16));
            case "u32": return V.U32((uint)Int(w, 32));
            case "s32": return V.S32((int)Int(w, 32));
            case "u64": return V.U64(Int(w, 64));
            case "s64": return V.S64((long)Int(w, 64));
            case "f32": return V.F32(BitConverter.UInt32BitsToSingle((uint)Float(w, 23, 8)));
            case "f64": return V.F64(BitConverter.UInt64BitsToDouble(Float(w, 52, 11)));
            case "str": return V.String(w.Scalar!);
            case "char": return V.Char((uint)char.ConvertToUtf32(w.Scalar!, 0));
            case "list": return V.List(w.Items.Select(Convert).ToArray());
            case "tuple": return V.Tuple(w.Items.Select(Convert).ToArray());
            case "record": return V.Record(w.Labels.Select((l, i) => (l, Convert(w.Items[i]))).ToArray());
            case "variant": return V.Variant(w.Labels[0], w.Items.Count == 0 ? null : Convert(w.Items[0]));
            case "enum": return V.Enum(w.Labels[0]);
            case "flags": return V.Flags(w.Labels.ToArray());
            case "option.some": return V.Some(Convert(w.Items[0]));
            case "option.none": return V.None();
            case "result.ok": return V.Ok(w.Items.Count == 0 ? null : Convert(w.Items[0]));
            case "result.err": return V.Err(w.Items.Count == 0 ? null : Convert(w.Items[0]));
            default: throw new NotSupportedException($"value kind {w.Kind}");
        }
    }

    private static ulong Int(WastValue w, int bits) =>
        NumericLiterals.TryParseInt(w.Scalar!, bits, out var v, out _) ? v
        : throw new FormatException($"bad {w.Kind} literal {w.Scalar}");

    private static ulong Float(WastValue w, int mant, int exp) =>
        NumericLiterals.TryParseFloat(w.Scalar!, mant, exp, out var bits) == NumericLiterals.FloatResult.Ok ? bits
        : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"bad {w.Kind} literal {w.Scalar}"));
}

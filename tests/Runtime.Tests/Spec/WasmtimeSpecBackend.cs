using System.Buffers.Binary;
using WitSharp.Core;
using WitSharp.Core.Text;
using Wt = Wasmtime;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>The oracle: runs the scripts on Wasmtime (NuGet, tests only) with the binaries OUR text
/// front end produced. Set <c>WITSHARP_SPEC_BACKEND=wasmtime</c> to use it: every command passing here
/// shows the text encoder, the runner and the spectest host are right, so a failure with our own
/// backend is the backend's.</summary>
internal sealed class WasmtimeSpecBackend : ISpecBackend
{
    private static readonly Lazy<Wt.Engine> s_engine = new(() => new Wt.Engine());
    private readonly Wt.Store _store;
    private readonly Wt.Linker _linker;

    public WasmtimeSpecBackend()
    {
        var engine = s_engine.Value;
        _store = new Wt.Store(engine);
        _linker = new Wt.Linker(engine) { AllowShadowing = true };
        DefineSpectest();
    }

    /// <summary>The spec interpreter's <c>spectest</c> module (spec interpreter host/spectest.ml).</summary>
    private void DefineSpectest()
    {
        _linker.DefineFunction("spectest", "print", () => { });
        _linker.DefineFunction("spectest", "print_i32", (int _) => { });
        _linker.DefineFunction("spectest", "print_i64", (long _) => { });
        _linker.DefineFunction("spectest", "print_f32", (float _) => { });
        _linker.DefineFunction("spectest", "print_f64", (double _) => { });
        _linker.DefineFunction("spectest", "print_i32_f32", (int _, float _) => { });
        _linker.DefineFunction("spectest", "print_f64_f64", (double _, double _) => { });
        _linker.Define("spectest", "global_i32", new Wt.Global(_store, Wt.ValueKind.Int32, 666, Wt.Mutability.Immutable));
        _linker.Define("spectest", "global_i64", new Wt.Global(_store, Wt.ValueKind.Int64, 666L, Wt.Mutability.Immutable));
        _linker.Define("spectest", "global_f32", new Wt.Global(_store, Wt.ValueKind.Float32, 666.6f, Wt.Mutability.Immutable));
        _linker.Define("spectest", "global_f64", new Wt.Global(_store, Wt.ValueKind.Float64, 666.6, Wt.Mutability.Immutable));
        _linker.Define("spectest", "table", new Wt.Table(_store, Wt.TableKind.FuncRef, null, 10, 20));
        _linker.Define("spectest", "memory", new Wt.Memory(_store, 1, 2));
    }

    public object Instantiate(byte[] bytes)
    {
        Wt.Module module;
        try
        {
            module = Wt.Module.FromBytes(s_engine.Value, "spec", bytes);
        }
        catch (Wt.WasmtimeException e)
        {
            throw new SpecLinkError("wasmtime rejected the binary: " + e.Message);
        }
        try
        {
            return _linker.Instantiate(_store, module);
        }
        catch (Wt.TrapException t)
        {
            throw Trap(t);
        }
        catch (Wt.WasmtimeException e)
        {
            throw new SpecLinkError(e.Message);
        }
    }

    public void Register(string name, object instance) => _linker.DefineInstance(_store, name, (Wt.Instance)instance);

    public IReadOnlyList<SpecValue> Invoke(object instance, string export, IReadOnlyList<WastValue> args)
    {
        var func = ((Wt.Instance)instance).GetFunction(export) ?? throw new SpecLinkError($"no exported function \"{export}\"");
        var boxes = new Wt.ValueBox[args.Count];
        for (int i = 0; i < args.Count; i++) boxes[i] = Box(args[i]);
        object? result;
        try
        {
            result = func.Invoke(boxes);
        }
        catch (Wt.TrapException t)
        {
            throw Trap(t);
        }
        var kinds = func.Results;
        if (kinds.Count == 0) return [];
        if (kinds.Count == 1) return [Unbox(kinds[0], result)];
        var values = (object?[])result!;
        var list = new SpecValue[kinds.Count];
        for (int i = 0; i < list.Length; i++) list[i] = Unbox(kinds[i], values[i]);
        return list;
    }

    public SpecValue Get(object instance, string export)
    {
        var global = ((Wt.Instance)instance).GetGlobal(export) ?? throw new SpecLinkError($"no exported global \"{export}\"");
        return Unbox(global.Kind, global.GetValue());
    }

    private static SpecTrap Trap(Wt.TrapException t) =>
        new(t.Type is { } type ? (TrapCode)(int)type : TrapCode.Unreachable, t.Message);

    private static Wt.ValueBox Box(WastValue v) => v.Type switch
    {
        ValType.I32 => (int)(uint)v.Lo,
        ValType.I64 => (long)v.Lo,
        ValType.F32 => BitConverter.UInt32BitsToSingle((uint)v.Lo),
        ValType.F64 => BitConverter.UInt64BitsToDouble(v.Lo),
        ValType.V128 => V128(v.Lo, v.Hi),
        ValType.FuncRef => Wt.Function.Null,
        _ => v.IsNull ? Wt.ValueBox.AsBox<object>(null) : Wt.ValueBox.AsBox<object>(new SpecExternRef(v.Lo)),
    };

    private static Wt.V128 V128(ulong lo, ulong hi)
    {
        Span<byte> b = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(b, lo);
        BinaryPrimitives.WriteUInt64LittleEndian(b[8..], hi);
        return new Wt.V128(b);
    }

    private static SpecValue Unbox(Wt.ValueKind kind, object? value) => kind switch
    {
        Wt.ValueKind.Int32 => new SpecValue(ValType.I32, (uint)(int)value!),
        Wt.ValueKind.Int64 => new SpecValue(ValType.I64, (ulong)(long)value!),
        Wt.ValueKind.Float32 => new SpecValue(ValType.F32, BitConverter.SingleToUInt32Bits((float)value!)),
        Wt.ValueKind.Float64 => new SpecValue(ValType.F64, BitConverter.DoubleToUInt64Bits((double)value!)),
        Wt.ValueKind.V128 => FromV128((Wt.V128)value!),
        Wt.ValueKind.FuncRef => new SpecValue(ValType.FuncRef, 0, 0, value is Wt.Function { IsNull: false } f ? f : null),
        _ => new SpecValue(ValType.ExternRef, 0, 0, value),
    };

    private static SpecValue FromV128(Wt.V128 v)
    {
        Span<byte> b = stackalloc byte[16];
        v.CopyTo(b);
        return new SpecValue(ValType.V128, BinaryPrimitives.ReadUInt64LittleEndian(b), BinaryPrimitives.ReadUInt64LittleEndian(b[8..]));
    }

    public void Dispose()
    {
        _linker.Dispose();
        _store.Dispose();
    }
}

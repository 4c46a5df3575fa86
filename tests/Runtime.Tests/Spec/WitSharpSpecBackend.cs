using System.Buffers.Binary;
using WitSharp.Core;
using WitSharp.Core.Text;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>Runs the scripts on WitSharp through its public API (Engine, Store, Linker, Instance,
/// Function.Invoke), the way a host program would. <see cref="WasmtimeSpecBackend"/> is the same code on
/// Wasmtime, the oracle.</summary>
internal sealed class WitSharpSpecBackend : ISpecBackend
{
    private static readonly Lazy<Engine> s_engine = new(() => new Engine());
    private readonly Store _store;
    private readonly Linker _linker;
    private readonly bool _throughArtifacts;

    /// <summary>Compiles artifacts for <c>throughArtifacts</c>: another engine, so the loaded code cannot lean on
    /// anything of the engine that runs it (signature ids in particular).</summary>
    private static readonly Lazy<Engine> s_precompiler = new(() => new Engine());

    /// <param name="throughArtifacts">Every module is precompiled by another engine into an artifact
    /// (Engine.PrecompileModule) and loaded from it (Module.Deserialize) instead of compiled from its bytes.</param>
    public WitSharpSpecBackend(bool throughArtifacts = false)
    {
        _throughArtifacts = throughArtifacts;
        var engine = s_engine.Value;
        _store = new Store(engine);
        _linker = new Linker(engine) { AllowShadowing = true };
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
        _linker.Define("spectest", "global_i32", new Global(_store, ValueKind.Int32, 666, Mutability.Immutable));
        _linker.Define("spectest", "global_i64", new Global(_store, ValueKind.Int64, 666L, Mutability.Immutable));
        _linker.Define("spectest", "global_f32", new Global(_store, ValueKind.Float32, 666.6f, Mutability.Immutable));
        _linker.Define("spectest", "global_f64", new Global(_store, ValueKind.Float64, 666.6, Mutability.Immutable));
        _linker.Define("spectest", "table", new Table(_store, TableKind.FuncRef, null, 10, 20));
        _linker.Define("spectest", "memory", new Memory(_store, 1, 2));
    }

    public object Instantiate(byte[] bytes)
    {
        // Our front end already accepted these bytes, so a decode or validation error here is a crash.
        var module = _throughArtifacts
            ? Module.Deserialize(s_engine.Value, "spec", s_precompiler.Value.PrecompileModule(bytes))
            : Module.FromBytes(s_engine.Value, "spec", bytes);
        try
        {
            return _linker.Instantiate(_store, module);
        }
        catch (TrapException t)
        {
            throw Trap(t);
        }
        catch (LinkException e)
        {
            throw new SpecLinkError(e.Message);
        }
    }

    public void Register(string name, object instance) => _linker.DefineInstance(_store, name, (Instance)instance);

    public IReadOnlyList<SpecValue> Invoke(object instance, string export, IReadOnlyList<WastValue> args)
    {
        var func = ((Instance)instance).GetFunction(export) ?? throw new SpecLinkError($"no exported function \"{export}\"");
        var boxes = new ValueBox[args.Count];
        for (int i = 0; i < args.Count; i++) boxes[i] = Box(args[i]);
        object? result;
        try
        {
            result = func.Invoke(boxes);
        }
        catch (TrapException t)
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
        var global = ((Instance)instance).GetGlobal(export) ?? throw new SpecLinkError($"no exported global \"{export}\"");
        return Unbox(global.Kind, global.GetValue());
    }

    private static SpecTrap Trap(TrapException t) => new(t.Type, t.Message);

    private static ValueBox Box(WastValue v) => v.Type switch
    {
        ValType.I32 => (int)(uint)v.Lo,
        ValType.I64 => (long)v.Lo,
        ValType.F32 => BitConverter.UInt32BitsToSingle((uint)v.Lo),
        ValType.F64 => BitConverter.UInt64BitsToDouble(v.Lo),
        ValType.V128 => V128(v.Lo, v.Hi),
        ValType.FuncRef => ValueBox.Null(ValueKind.FuncRef),
        _ => v.IsNull ? ValueBox.Null(ValueKind.ExternRef) : ValueBox.AsBox<object>(new SpecExternRef(v.Lo)),
    };

    private static V128 V128(ulong lo, ulong hi)
    {
        Span<byte> b = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(b, lo);
        BinaryPrimitives.WriteUInt64LittleEndian(b[8..], hi);
        return new V128(b);
    }

    private static SpecValue Unbox(ValueKind kind, object? value) => kind switch
    {
        ValueKind.Int32 => new SpecValue(ValType.I32, (uint)(int)value!),
        ValueKind.Int64 => new SpecValue(ValType.I64, (ulong)(long)value!),
        ValueKind.Float32 => new SpecValue(ValType.F32, BitConverter.SingleToUInt32Bits((float)value!)),
        ValueKind.Float64 => new SpecValue(ValType.F64, BitConverter.DoubleToUInt64Bits((double)value!)),
        ValueKind.V128 => FromV128((V128)value!),
        ValueKind.FuncRef => new SpecValue(ValType.FuncRef, 0, 0, value is Function { IsNull: false } f ? f : null),
        _ => new SpecValue(ValType.ExternRef, 0, 0, value),
    };

    private static SpecValue FromV128(V128 v)
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

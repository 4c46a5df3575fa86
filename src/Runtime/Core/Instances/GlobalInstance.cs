using System.Runtime.Intrinsics;

namespace WitSharp.Core.Instances;

/// <summary>A global's storage cell (spec 4.2.9 "global instances"). One typed field per value kind so
/// compiled code loads and stores the value with one <c>ldfld</c>/<c>stfld</c> and no conversion; float
/// fields are only ever moved, never computed on, so NaN payloads survive.</summary>
internal sealed class GlobalInstance
{
    public GlobalInstance(GlobalType type) => Type = type;

    public GlobalType Type { get; }

    public int I32;
    public long I64;
    public float F32;
    public double F64;
    public Vector128<byte> V128;
    public object? Ref;

    /// <summary>Reads the value boxed (dynamic path: API and tests).</summary>
    public object? GetBoxed() => Type.ValueType switch
    {
        ValType.I32 => I32,
        ValType.I64 => I64,
        ValType.F32 => F32,
        ValType.F64 => F64,
        ValType.V128 => V128,
        _ => Ref,
    };

    public void SetBoxed(object? value)
    {
        switch (Type.ValueType)
        {
            case ValType.I32: I32 = (int)value!; break;
            case ValType.I64: I64 = (long)value!; break;
            case ValType.F32: F32 = (float)value!; break;
            case ValType.F64: F64 = (double)value!; break;
            case ValType.V128: V128 = (Vector128<byte>)value!; break;
            default: Ref = value; break;
        }
    }

    public static string FieldName(ValType t) => t switch
    {
        ValType.I32 => nameof(I32),
        ValType.I64 => nameof(I64),
        ValType.F32 => nameof(F32),
        ValType.F64 => nameof(F64),
        ValType.V128 => nameof(V128),
        _ => nameof(Ref),
    };
}

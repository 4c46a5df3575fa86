namespace WitSharp.Core.Instances;

/// <summary>A function (spec 4.2.6), wasm or host, as compiled code calls it: <see cref="Code"/> is a
/// pointer to a static method whose IL signature is (params..., <see cref="InstanceContext"/>) →
/// result (several results: a <c>ValueTuple</c>), called with <c>calli</c> and <see cref="Context"/> as
/// the last argument. This object is also the funcref value stored in tables, globals and locals.</summary>
internal sealed class FunctionInstance
{
    public FunctionInstance(FuncType type, int signatureId, nint code, InstanceContext context, string? name)
    {
        Type = type;
        SignatureId = signatureId;
        Code = code;
        Context = context;
        Name = name;
    }

    /// <summary>Engine-wide id of <see cref="Type"/>: <c>call_indirect</c> compares it with one integer compare.</summary>
    public readonly int SignatureId;

    public readonly nint Code;
    public readonly InstanceContext Context;

    public FuncType Type { get; }

    /// <summary>Name for backtraces and messages (export or name-section name), if known.</summary>
    public string? Name { get; }

    /// <summary>Boxed call used by the dynamic API (<c>Function.Invoke</c>); built lazily per function.</summary>
    internal Func<FunctionInstance, object?[], object?[]>? DynamicInvoker;
}

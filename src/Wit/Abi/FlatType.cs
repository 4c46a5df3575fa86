namespace WitSharp.Wit.Abi;

/// <summary>A core value type a component value flattens to (CanonicalABI.md "Flattening": the
/// strings <c>'i32'</c>, <c>'i64'</c>, <c>'f32'</c>, <c>'f64'</c> of <c>flatten_type</c>).</summary>
public enum FlatType : byte
{
    I32,
    I64,
    F32,
    F64,
}

/// <summary>Which side of the boundary a core signature is for (CanonicalABI.md <c>flatten_functype</c>'s
/// <c>context</c>): the signature of the core function a <c>canon lift</c> wraps, or of the core function a
/// <c>canon lower</c> produces.</summary>
public enum AbiContext : byte
{
    /// <summary>The callee is the core export being lifted: spilled results are returned as a pointer.</summary>
    Lift,

    /// <summary>The core import produced by lowering: spilled results are written through an extra pointer parameter.</summary>
    Lower,
}

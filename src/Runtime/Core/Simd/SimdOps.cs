namespace WitSharp.Core.Simd;

/// <summary>Wasm semantics of every SIMD instruction as static methods on <c>Vector128&lt;byte&gt;</c>
/// (the IL-stack representation of v128), called by compiled code and inlined by RyuJIT.</summary>
internal static partial class SimdOps
{
}

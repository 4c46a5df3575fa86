namespace WitSharp.Core.Simd;

/// <summary>Wasm semantics of every SIMD instruction as static methods on <c>Vector128&lt;byte&gt;</c>
/// (the IL-stack representation of v128), called by compiled code and inlined by RyuJIT.</summary>
/// <remarks>
/// Calling convention (the function compiler binds <see cref="SimdOpInfo.MethodName"/> by reflection and
/// emits a <c>call</c>): v128 is <c>Vector128&lt;byte&gt;</c>, i32 <c>int</c>, i64 <c>long</c>, f32
/// <c>float</c>, f64 <c>double</c>; parameters in operand order (bottom of the stack first); a lane
/// immediate is a trailing <c>int lane</c> (already validated to be in range); <c>i8x16.shuffle</c> takes
/// its sixteen lane indices as a third v128; <c>v128.const</c> takes its two little-endian halves; memory
/// instructions take the bounds-checked native address of the first accessed byte (unaligned is fine).
/// Each family lives in its own partial file (SimdOps.Memory.cs, SimdOps.Lanes.cs, ...). Where a fast
/// hardware path is used, its portable equivalent lives in <see cref="SimdPortable"/> and the two are
/// tested against each other.
/// </remarks>
internal static partial class SimdOps
{
}

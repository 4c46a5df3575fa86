using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace WitSharp.Components.Typed;

// CanonicalABI.md "lower_flat"/"lift_flat" and "store"/"load" of the scalar types. Flat slots hold raw bits
// (see ComponentMarshaler<T>), so lifting truncates to the type's width ("wrap_i64_to_i32" of a joined slot
// is the same truncation) and lowering zero-extends the i32 bit pattern.

internal sealed class BoolMarshaler() : ComponentMarshaler<bool>(ComponentValueType.Bool)
{
    public override void LowerFlat(CanonicalContext cx, in bool value, Span<ulong> flat) => flat[0] = value ? 1u : 0u;
    public override void Store(CanonicalContext cx, in bool value, uint ptr) => cx.GetRef(ptr, 1) = value ? (byte)1 : (byte)0;
    // "convert_int_to_bool": any non-zero value is true.
    public override bool LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (uint)flat[0] != 0;
    public override bool Load(CanonicalContext cx, uint ptr) => cx.GetRef(ptr, 1) != 0;
}

internal sealed class S8Marshaler() : ComponentMarshaler<sbyte>(ComponentValueType.S8)
{
    public override void LowerFlat(CanonicalContext cx, in sbyte value, Span<ulong> flat) => flat[0] = (uint)(int)value;
    public override void Store(CanonicalContext cx, in sbyte value, uint ptr) => cx.GetRef(ptr, 1) = (byte)value;
    public override sbyte LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (sbyte)flat[0];
    public override sbyte Load(CanonicalContext cx, uint ptr) => (sbyte)cx.GetRef(ptr, 1);
}

internal sealed class U8Marshaler() : ComponentMarshaler<byte>(ComponentValueType.U8)
{
    public override void LowerFlat(CanonicalContext cx, in byte value, Span<ulong> flat) => flat[0] = value;
    public override void Store(CanonicalContext cx, in byte value, uint ptr) => cx.GetRef(ptr, 1) = value;
    public override byte LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (byte)flat[0];
    public override byte Load(CanonicalContext cx, uint ptr) => cx.GetRef(ptr, 1);
}

internal sealed class S16Marshaler() : ComponentMarshaler<short>(ComponentValueType.S16)
{
    public override void LowerFlat(CanonicalContext cx, in short value, Span<ulong> flat) => flat[0] = (uint)(int)value;
    public override void Store(CanonicalContext cx, in short value, uint ptr) => Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 2), LE(value));
    public override short LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (short)flat[0];
    public override short Load(CanonicalContext cx, uint ptr) => LE(Unsafe.ReadUnaligned<short>(ref cx.GetRef(ptr, 2)));
    private static short LE(short v) => BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
}

internal sealed class U16Marshaler() : ComponentMarshaler<ushort>(ComponentValueType.U16)
{
    public override void LowerFlat(CanonicalContext cx, in ushort value, Span<ulong> flat) => flat[0] = value;
    public override void Store(CanonicalContext cx, in ushort value, uint ptr) => Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 2), LE(value));
    public override ushort LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (ushort)flat[0];
    public override ushort Load(CanonicalContext cx, uint ptr) => LE(Unsafe.ReadUnaligned<ushort>(ref cx.GetRef(ptr, 2)));
    private static ushort LE(ushort v) => BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
}

internal sealed class S32Marshaler() : ComponentMarshaler<int>(ComponentValueType.S32)
{
    public override void LowerFlat(CanonicalContext cx, in int value, Span<ulong> flat) => flat[0] = (uint)value;
    public override void Store(CanonicalContext cx, in int value, uint ptr) => Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 4), Le.I32(value));
    public override int LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (int)flat[0];
    public override int Load(CanonicalContext cx, uint ptr) => Le.I32(Unsafe.ReadUnaligned<int>(ref cx.GetRef(ptr, 4)));
}

internal sealed class U32Marshaler() : ComponentMarshaler<uint>(ComponentValueType.U32)
{
    public override void LowerFlat(CanonicalContext cx, in uint value, Span<ulong> flat) => flat[0] = value;
    public override void Store(CanonicalContext cx, in uint value, uint ptr) => Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 4), Le.U32(value));
    public override uint LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (uint)flat[0];
    public override uint Load(CanonicalContext cx, uint ptr) => Le.U32(Unsafe.ReadUnaligned<uint>(ref cx.GetRef(ptr, 4)));
}

internal sealed class S64Marshaler() : ComponentMarshaler<long>(ComponentValueType.S64)
{
    public override void LowerFlat(CanonicalContext cx, in long value, Span<ulong> flat) => flat[0] = (ulong)value;
    public override void Store(CanonicalContext cx, in long value, uint ptr) => Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 8), Le.U64((ulong)value));
    public override long LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (long)flat[0];
    public override long Load(CanonicalContext cx, uint ptr) => (long)Le.U64(Unsafe.ReadUnaligned<ulong>(ref cx.GetRef(ptr, 8)));
}

internal sealed class U64Marshaler() : ComponentMarshaler<ulong>(ComponentValueType.U64)
{
    public override void LowerFlat(CanonicalContext cx, in ulong value, Span<ulong> flat) => flat[0] = value;
    public override void Store(CanonicalContext cx, in ulong value, uint ptr) => Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 8), Le.U64(value));
    public override ulong LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => flat[0];
    public override ulong Load(CanonicalContext cx, uint ptr) => Le.U64(Unsafe.ReadUnaligned<ulong>(ref cx.GetRef(ptr, 8)));
}

internal sealed class F32Marshaler() : ComponentMarshaler<float>(ComponentValueType.F32)
{
    public override void LowerFlat(CanonicalContext cx, in float value, Span<ulong> flat) => flat[0] = BitConverter.SingleToUInt32Bits(value);
    public override void Store(CanonicalContext cx, in float value, uint ptr) => Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 4), Le.U32(BitConverter.SingleToUInt32Bits(value)));
    public override float LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => Le.Canon(BitConverter.UInt32BitsToSingle((uint)flat[0]));
    public override float Load(CanonicalContext cx, uint ptr) => Le.Canon(BitConverter.UInt32BitsToSingle(Le.U32(Unsafe.ReadUnaligned<uint>(ref cx.GetRef(ptr, 4)))));
}

internal sealed class F64Marshaler() : ComponentMarshaler<double>(ComponentValueType.F64)
{
    public override void LowerFlat(CanonicalContext cx, in double value, Span<ulong> flat) => flat[0] = BitConverter.DoubleToUInt64Bits(value);
    public override void Store(CanonicalContext cx, in double value, uint ptr) => Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 8), Le.U64(BitConverter.DoubleToUInt64Bits(value)));
    public override double LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => Le.Canon(BitConverter.UInt64BitsToDouble(flat[0]));
    public override double Load(CanonicalContext cx, uint ptr) => Le.Canon(BitConverter.UInt64BitsToDouble(Le.U64(Unsafe.ReadUnaligned<ulong>(ref cx.GetRef(ptr, 8)))));
}

internal sealed class CharMarshaler() : ComponentMarshaler<Rune>(ComponentValueType.Char)
{
    public override void LowerFlat(CanonicalContext cx, in Rune value, Span<ulong> flat) => flat[0] = (uint)value.Value;
    public override void Store(CanonicalContext cx, in Rune value, uint ptr) => Unsafe.WriteUnaligned(ref cx.GetRef(ptr, 4), Le.U32((uint)value.Value));
    public override Rune LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => Lift(cx, (uint)flat[0]);
    public override Rune Load(CanonicalContext cx, uint ptr) => Lift(cx, Le.U32(Unsafe.ReadUnaligned<uint>(ref cx.GetRef(ptr, 4))));

    // CanonicalABI.md "convert_i32_to_char": surrogates and values past 0x10FFFF trap.
    private static Rune Lift(CanonicalContext cx, uint i) =>
        Rune.IsValid(i) ? new Rune(i) : throw cx.Trap($"0x{i:x} is not a valid char (Unicode scalar value)");
}

/// <summary>Little-endian conversions and NaN canonicalization shared by the marshalers.</summary>
internal static class Le
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32(int v) => BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint U32(uint v) => BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong U64(ulong v) => BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);

    // CanonicalABI.md "canonicalize_nan32/64": NaN payloads are not observable across the boundary.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Canon(float f) => float.IsNaN(f) ? BitConverter.UInt32BitsToSingle(0x7fc00000) : f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Canon(double d) => double.IsNaN(d) ? BitConverter.UInt64BitsToDouble(0x7ff8000000000000) : d;
}

#if WITSHARP_ENGINE
using System.Buffers.Binary;
using WitSharp.Components;
using T = WitSharp.Components.ComponentValueType;

namespace Benchmarks;

// bench.wat's record and variant, implementing the marshaling contract (IComponentType<TSelf>) the way the source
// generator's output does: fields of built-in types through cached ComponentMarshaler<T>s, layout from the type.

/// <summary><c>record person { name: string, age: u32, score: f64 }</c>.</summary>
internal readonly record struct Person(string Name, uint Age, double Score) : IComponentType<Person>
{
    private static readonly ComponentMarshaler<string> Str = ComponentMarshaler.Create<string>(T.String);

    public static T ComponentType { get; } = T.Record(("name", T.String), ("age", T.U32), ("score", T.F64));

    public static void LowerFlat(CanonicalContext cx, in Person value, Span<ulong> flat)
    {
        Str.LowerFlat(cx, value.Name, flat);
        flat[2] = value.Age;
        flat[3] = BitConverter.DoubleToUInt64Bits(value.Score);
    }

    public static void Store(CanonicalContext cx, in Person value, uint ptr)
    {
        Str.Store(cx, value.Name, ptr);
        BinaryPrimitives.WriteUInt32LittleEndian(cx.GetSpan(ptr + 8, 4), value.Age);
        BinaryPrimitives.WriteDoubleLittleEndian(cx.GetSpan(ptr + 16, 8), value.Score);
    }

    public static Person LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new(Str.LiftFlat(cx, flat), (uint)flat[2], BitConverter.UInt64BitsToDouble(flat[3]));

    public static Person Load(CanonicalContext cx, uint ptr) =>
        new(Str.Load(cx, ptr), BinaryPrimitives.ReadUInt32LittleEndian(cx.GetSpan(ptr + 8, 4)), BinaryPrimitives.ReadDoubleLittleEndian(cx.GetSpan(ptr + 16, 8)));
}

/// <summary><c>variant shape { circle(f32), rect(tuple&lt;f32, f32&gt;), none }</c>.</summary>
internal abstract record Shape : IComponentType<Shape>
{
    public sealed record Circle(float R) : Shape;
    public sealed record Rect(float W, float H) : Shape;
    public sealed record None : Shape;

    public static T ComponentType { get; } = T.Variant(("circle", T.F32), ("rect", T.Tuple(T.F32, T.F32)), ("none", null));

    public static void LowerFlat(CanonicalContext cx, in Shape value, Span<ulong> flat)
    {
        switch (value)
        {
            case Circle c: flat[0] = 0; flat[1] = BitConverter.SingleToUInt32Bits(c.R); flat[2] = 0; break;
            case Rect r: flat[0] = 1; flat[1] = BitConverter.SingleToUInt32Bits(r.W); flat[2] = BitConverter.SingleToUInt32Bits(r.H); break;
            default: flat[0] = 2; flat[1] = 0; flat[2] = 0; break;
        }
    }

    public static void Store(CanonicalContext cx, in Shape value, uint ptr)
    {
        var b = cx.GetSpan(ptr, 12);
        switch (value)
        {
            case Circle c: b[0] = 0; BinaryPrimitives.WriteSingleLittleEndian(b[4..], c.R); break;
            case Rect r: b[0] = 1; BinaryPrimitives.WriteSingleLittleEndian(b[4..], r.W); BinaryPrimitives.WriteSingleLittleEndian(b[8..], r.H); break;
            default: b[0] = 2; break;
        }
    }

    public static Shape LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (uint)flat[0] switch
    {
        0 => new Circle(BitConverter.UInt32BitsToSingle((uint)flat[1])),
        1 => new Rect(BitConverter.UInt32BitsToSingle((uint)flat[1]), BitConverter.UInt32BitsToSingle((uint)flat[2])),
        2 => new None(),
        var d => throw cx.Trap($"invalid variant discriminant {d}"),
    };

    public static Shape Load(CanonicalContext cx, uint ptr)
    {
        var b = cx.GetSpan(ptr, 12);
        return b[0] switch
        {
            0 => new Circle(BinaryPrimitives.ReadSingleLittleEndian(b[4..])),
            1 => new Rect(BinaryPrimitives.ReadSingleLittleEndian(b[4..]), BinaryPrimitives.ReadSingleLittleEndian(b[8..])),
            2 => new None(),
            var d => throw cx.Trap($"invalid variant discriminant {d}"),
        };
    }
}
#endif

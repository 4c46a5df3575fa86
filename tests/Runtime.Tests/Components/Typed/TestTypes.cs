using System.Buffers.Binary;
using WitSharp.Components;
using T = WitSharp.Components.ComponentValueType;

namespace WitSharp.Runtime.Tests.Components.Typed;

// Hand-written implementations of the generator's marshaling contract (IComponentType<TSelf>) for echo.wat's
// `rec` and `var`, written the way generated code would be.

/// <summary><c>record rec { a: u8, b: u32, c: string }</c>.</summary>
public readonly record struct Rec(byte A, uint B, string C) : IComponentType<Rec>
{
    private static readonly ComponentMarshaler<string> Str = ComponentMarshaler.Create<string>(T.String);

    public static T ComponentType { get; } = T.Record(("a", T.U8), ("b", T.U32), ("c", T.String));

    public static void LowerFlat(CanonicalContext cx, in Rec value, Span<ulong> flat)
    {
        flat[0] = value.A;
        flat[1] = value.B;
        Str.LowerFlat(cx, value.C, flat[2..]);
    }

    public static void Store(CanonicalContext cx, in Rec value, uint ptr)
    {
        cx.GetSpan(ptr, 1)[0] = value.A;
        BinaryPrimitives.WriteUInt32LittleEndian(cx.GetSpan(ptr + 4, 4), value.B);
        Str.Store(cx, value.C, ptr + 8);
    }

    public static Rec LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new((byte)flat[0], (uint)flat[1], Str.LiftFlat(cx, flat[2..]));

    public static Rec Load(CanonicalContext cx, uint ptr) =>
        new(cx.GetSpan(ptr, 1)[0], BinaryPrimitives.ReadUInt32LittleEndian(cx.GetSpan(ptr + 4, 4)), Str.Load(cx, ptr + 8));
}

/// <summary><c>variant var { a(u8), b(f64), c }</c> as an abstract record with one nested record per case.</summary>
public abstract record Var : IComponentType<Var>
{
    public sealed record A(byte Value) : Var;
    public sealed record B(double Value) : Var;
    public sealed record C : Var;

    public static T ComponentType { get; } = T.Variant(("a", T.U8), ("b", T.F64), ("c", null));

    public static void LowerFlat(CanonicalContext cx, in Var value, Span<ulong> flat)
    {
        switch (value)
        {
            case A a: flat[0] = 0; flat[1] = a.Value; break;
            case B b: flat[0] = 1; flat[1] = BitConverter.DoubleToUInt64Bits(b.Value); break;
            default: flat[0] = 2; flat[1] = 0; break;
        }
    }

    public static void Store(CanonicalContext cx, in Var value, uint ptr)
    {
        switch (value)
        {
            case A a: cx.GetSpan(ptr, 1)[0] = 0; cx.GetSpan(ptr + 8, 1)[0] = a.Value; break;
            case B b: cx.GetSpan(ptr, 1)[0] = 1; BinaryPrimitives.WriteDoubleLittleEndian(cx.GetSpan(ptr + 8, 8), b.Value); break;
            default: cx.GetSpan(ptr, 1)[0] = 2; break;
        }
    }

    public static Var LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) => (uint)flat[0] switch
    {
        0 => new A((byte)flat[1]),
        1 => new B(BitConverter.UInt64BitsToDouble(flat[1])),
        2 => new C(),
        var d => throw cx.Trap($"invalid variant discriminant {d}"),
    };

    public static Var Load(CanonicalContext cx, uint ptr) => cx.GetSpan(ptr, 1)[0] switch
    {
        0 => new A(cx.GetSpan(ptr + 8, 1)[0]),
        1 => new B(BinaryPrimitives.ReadDoubleLittleEndian(cx.GetSpan(ptr + 8, 8))),
        2 => new C(),
        var d => throw cx.Trap($"invalid variant discriminant {d}"),
    };
}

public enum Color { Red, Green, Blue }

[Flags]
public enum Perms { None = 0, Read = 1, Write = 2, Exec = 4 }

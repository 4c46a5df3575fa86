namespace WitSharp.Components.Typed;

// ValueTuple<T1..T7, TRest>: tuples and parameter lists of 8 or more elements (C# `(a, b, …, h)` nests the
// elements after the seventh in TRest). TRest's marshaler covers the following fields at their absolute positions
// (see TupleMarshalers.cs), so it receives the whole flat span and the whole tuple's pointer.
internal sealed class TupleMarshaler<T1, T2, T3, T4, T5, T6, T7, TRest> : ComponentMarshaler<ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest>> where TRest : struct
{
    private readonly ComponentMarshaler<T1> _m1;
    private readonly int _f1, _o1;
    private readonly ComponentMarshaler<T2> _m2;
    private readonly int _f2, _o2;
    private readonly ComponentMarshaler<T3> _m3;
    private readonly int _f3, _o3;
    private readonly ComponentMarshaler<T4> _m4;
    private readonly int _f4, _o4;
    private readonly ComponentMarshaler<T5> _m5;
    private readonly int _f5, _o5;
    private readonly ComponentMarshaler<T6> _m6;
    private readonly int _f6, _o6;
    private readonly ComponentMarshaler<T7> _m7;
    private readonly int _f7, _o7;
    private readonly ComponentMarshaler<TRest> _rest;

    public TupleMarshaler(ComponentValueType type, int first, ComponentMarshaler<T1> m1, ComponentMarshaler<T2> m2, ComponentMarshaler<T3> m3, ComponentMarshaler<T4> m4, ComponentMarshaler<T5> m5, ComponentMarshaler<T6> m6, ComponentMarshaler<T7> m7, ComponentMarshaler<TRest> rest) : base(type)
    {
        _m1 = m1;
        _o1 = type.GetFieldOffset(first + 0);
        _f1 = TupleLayout.FlatStart(type, first + 0);
        _m2 = m2;
        _o2 = type.GetFieldOffset(first + 1);
        _f2 = TupleLayout.FlatStart(type, first + 1);
        _m3 = m3;
        _o3 = type.GetFieldOffset(first + 2);
        _f3 = TupleLayout.FlatStart(type, first + 2);
        _m4 = m4;
        _o4 = type.GetFieldOffset(first + 3);
        _f4 = TupleLayout.FlatStart(type, first + 3);
        _m5 = m5;
        _o5 = type.GetFieldOffset(first + 4);
        _f5 = TupleLayout.FlatStart(type, first + 4);
        _m6 = m6;
        _o6 = type.GetFieldOffset(first + 5);
        _f6 = TupleLayout.FlatStart(type, first + 5);
        _m7 = m7;
        _o7 = type.GetFieldOffset(first + 6);
        _f7 = TupleLayout.FlatStart(type, first + 6);
        _rest = rest;
    }

    public override void LowerFlat(CanonicalContext cx, in ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> value, Span<ulong> flat)
    {
        _m1.LowerFlat(cx, value.Item1, flat[_f1..]);
        _m2.LowerFlat(cx, value.Item2, flat[_f2..]);
        _m3.LowerFlat(cx, value.Item3, flat[_f3..]);
        _m4.LowerFlat(cx, value.Item4, flat[_f4..]);
        _m5.LowerFlat(cx, value.Item5, flat[_f5..]);
        _m6.LowerFlat(cx, value.Item6, flat[_f6..]);
        _m7.LowerFlat(cx, value.Item7, flat[_f7..]);
        _rest.LowerFlat(cx, value.Rest, flat);
    }

    public override void Store(CanonicalContext cx, in ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> value, uint ptr)
    {
        _m1.Store(cx, value.Item1, ptr + (uint)_o1);
        _m2.Store(cx, value.Item2, ptr + (uint)_o2);
        _m3.Store(cx, value.Item3, ptr + (uint)_o3);
        _m4.Store(cx, value.Item4, ptr + (uint)_o4);
        _m5.Store(cx, value.Item5, ptr + (uint)_o5);
        _m6.Store(cx, value.Item6, ptr + (uint)_o6);
        _m7.Store(cx, value.Item7, ptr + (uint)_o7);
        _rest.Store(cx, value.Rest, ptr);
    }

    public override ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new(_m1.LiftFlat(cx, flat[_f1..]), _m2.LiftFlat(cx, flat[_f2..]), _m3.LiftFlat(cx, flat[_f3..]), _m4.LiftFlat(cx, flat[_f4..]), _m5.LiftFlat(cx, flat[_f5..]), _m6.LiftFlat(cx, flat[_f6..]), _m7.LiftFlat(cx, flat[_f7..]), _rest.LiftFlat(cx, flat));

    public override ValueTuple<T1, T2, T3, T4, T5, T6, T7, TRest> Load(CanonicalContext cx, uint ptr) =>
        new(_m1.Load(cx, ptr + (uint)_o1), _m2.Load(cx, ptr + (uint)_o2), _m3.Load(cx, ptr + (uint)_o3), _m4.Load(cx, ptr + (uint)_o4), _m5.Load(cx, ptr + (uint)_o5), _m6.Load(cx, ptr + (uint)_o6), _m7.Load(cx, ptr + (uint)_o7), _rest.Load(cx, ptr));
}

internal static class TupleLayout
{
    /// <summary>The flat slot where field <paramref name="index"/> of a tuple type starts.</summary>
    public static int FlatStart(ComponentValueType type, int index)
    {
        int start = 0;
        for (int i = 0; i < index; i++) start += type.Fields[i].Type.FlatCount;
        return start;
    }
}

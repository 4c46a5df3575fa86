namespace WitSharp.Components.Typed;

// tuple<...> <-> ValueTuple<...> and a function's parameter list (CanonicalABI.md: parameters are flattened and,
// beyond MAX_FLAT_PARAMS, stored as one tuple). One class per arity because C# has no variadic generics. A
// marshaler covers the fields [first, first + arity) of its tuple type, at their absolute flat positions (_f) and
// memory offsets (_o) within the whole tuple, so a ValueTuple's TRest (fields 8 and on) is the same kind of
// marshaler with first = 7 and gets the whole tuple's flat span and pointer.

internal sealed class TupleMarshaler<T1> : ComponentMarshaler<ValueTuple<T1>>
{
    private readonly ComponentMarshaler<T1> _m1;
    private readonly int _f1, _o1;

    public TupleMarshaler(ComponentValueType type, int first, ComponentMarshaler<T1> m1) : base(type)
    {
        _m1 = m1;
        _o1 = type.GetFieldOffset(first + 0);
        _f1 = TupleLayout.FlatStart(type, first + 0);
    }

    public override void LowerFlat(CanonicalContext cx, in ValueTuple<T1> value, Span<ulong> flat)
    {
        _m1.LowerFlat(cx, value.Item1, flat[_f1..]);
    }

    public override void Store(CanonicalContext cx, in ValueTuple<T1> value, uint ptr)
    {
        _m1.Store(cx, value.Item1, ptr + (uint)_o1);
    }

    public override ValueTuple<T1> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new(_m1.LiftFlat(cx, flat[_f1..]));

    public override ValueTuple<T1> Load(CanonicalContext cx, uint ptr) =>
        new(_m1.Load(cx, ptr + (uint)_o1));
}

internal sealed class TupleMarshaler<T1, T2> : ComponentMarshaler<ValueTuple<T1, T2>>
{
    private readonly ComponentMarshaler<T1> _m1;
    private readonly int _f1, _o1;
    private readonly ComponentMarshaler<T2> _m2;
    private readonly int _f2, _o2;

    public TupleMarshaler(ComponentValueType type, int first, ComponentMarshaler<T1> m1, ComponentMarshaler<T2> m2) : base(type)
    {
        _m1 = m1;
        _o1 = type.GetFieldOffset(first + 0);
        _f1 = TupleLayout.FlatStart(type, first + 0);
        _m2 = m2;
        _o2 = type.GetFieldOffset(first + 1);
        _f2 = TupleLayout.FlatStart(type, first + 1);
    }

    public override void LowerFlat(CanonicalContext cx, in ValueTuple<T1, T2> value, Span<ulong> flat)
    {
        _m1.LowerFlat(cx, value.Item1, flat[_f1..]);
        _m2.LowerFlat(cx, value.Item2, flat[_f2..]);
    }

    public override void Store(CanonicalContext cx, in ValueTuple<T1, T2> value, uint ptr)
    {
        _m1.Store(cx, value.Item1, ptr + (uint)_o1);
        _m2.Store(cx, value.Item2, ptr + (uint)_o2);
    }

    public override ValueTuple<T1, T2> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new(_m1.LiftFlat(cx, flat[_f1..]), _m2.LiftFlat(cx, flat[_f2..]));

    public override ValueTuple<T1, T2> Load(CanonicalContext cx, uint ptr) =>
        new(_m1.Load(cx, ptr + (uint)_o1), _m2.Load(cx, ptr + (uint)_o2));
}

internal sealed class TupleMarshaler<T1, T2, T3> : ComponentMarshaler<ValueTuple<T1, T2, T3>>
{
    private readonly ComponentMarshaler<T1> _m1;
    private readonly int _f1, _o1;
    private readonly ComponentMarshaler<T2> _m2;
    private readonly int _f2, _o2;
    private readonly ComponentMarshaler<T3> _m3;
    private readonly int _f3, _o3;

    public TupleMarshaler(ComponentValueType type, int first, ComponentMarshaler<T1> m1, ComponentMarshaler<T2> m2, ComponentMarshaler<T3> m3) : base(type)
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
    }

    public override void LowerFlat(CanonicalContext cx, in ValueTuple<T1, T2, T3> value, Span<ulong> flat)
    {
        _m1.LowerFlat(cx, value.Item1, flat[_f1..]);
        _m2.LowerFlat(cx, value.Item2, flat[_f2..]);
        _m3.LowerFlat(cx, value.Item3, flat[_f3..]);
    }

    public override void Store(CanonicalContext cx, in ValueTuple<T1, T2, T3> value, uint ptr)
    {
        _m1.Store(cx, value.Item1, ptr + (uint)_o1);
        _m2.Store(cx, value.Item2, ptr + (uint)_o2);
        _m3.Store(cx, value.Item3, ptr + (uint)_o3);
    }

    public override ValueTuple<T1, T2, T3> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new(_m1.LiftFlat(cx, flat[_f1..]), _m2.LiftFlat(cx, flat[_f2..]), _m3.LiftFlat(cx, flat[_f3..]));

    public override ValueTuple<T1, T2, T3> Load(CanonicalContext cx, uint ptr) =>
        new(_m1.Load(cx, ptr + (uint)_o1), _m2.Load(cx, ptr + (uint)_o2), _m3.Load(cx, ptr + (uint)_o3));
}

internal sealed class TupleMarshaler<T1, T2, T3, T4> : ComponentMarshaler<ValueTuple<T1, T2, T3, T4>>
{
    private readonly ComponentMarshaler<T1> _m1;
    private readonly int _f1, _o1;
    private readonly ComponentMarshaler<T2> _m2;
    private readonly int _f2, _o2;
    private readonly ComponentMarshaler<T3> _m3;
    private readonly int _f3, _o3;
    private readonly ComponentMarshaler<T4> _m4;
    private readonly int _f4, _o4;

    public TupleMarshaler(ComponentValueType type, int first, ComponentMarshaler<T1> m1, ComponentMarshaler<T2> m2, ComponentMarshaler<T3> m3, ComponentMarshaler<T4> m4) : base(type)
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
    }

    public override void LowerFlat(CanonicalContext cx, in ValueTuple<T1, T2, T3, T4> value, Span<ulong> flat)
    {
        _m1.LowerFlat(cx, value.Item1, flat[_f1..]);
        _m2.LowerFlat(cx, value.Item2, flat[_f2..]);
        _m3.LowerFlat(cx, value.Item3, flat[_f3..]);
        _m4.LowerFlat(cx, value.Item4, flat[_f4..]);
    }

    public override void Store(CanonicalContext cx, in ValueTuple<T1, T2, T3, T4> value, uint ptr)
    {
        _m1.Store(cx, value.Item1, ptr + (uint)_o1);
        _m2.Store(cx, value.Item2, ptr + (uint)_o2);
        _m3.Store(cx, value.Item3, ptr + (uint)_o3);
        _m4.Store(cx, value.Item4, ptr + (uint)_o4);
    }

    public override ValueTuple<T1, T2, T3, T4> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new(_m1.LiftFlat(cx, flat[_f1..]), _m2.LiftFlat(cx, flat[_f2..]), _m3.LiftFlat(cx, flat[_f3..]), _m4.LiftFlat(cx, flat[_f4..]));

    public override ValueTuple<T1, T2, T3, T4> Load(CanonicalContext cx, uint ptr) =>
        new(_m1.Load(cx, ptr + (uint)_o1), _m2.Load(cx, ptr + (uint)_o2), _m3.Load(cx, ptr + (uint)_o3), _m4.Load(cx, ptr + (uint)_o4));
}

internal sealed class TupleMarshaler<T1, T2, T3, T4, T5> : ComponentMarshaler<ValueTuple<T1, T2, T3, T4, T5>>
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

    public TupleMarshaler(ComponentValueType type, int first, ComponentMarshaler<T1> m1, ComponentMarshaler<T2> m2, ComponentMarshaler<T3> m3, ComponentMarshaler<T4> m4, ComponentMarshaler<T5> m5) : base(type)
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
    }

    public override void LowerFlat(CanonicalContext cx, in ValueTuple<T1, T2, T3, T4, T5> value, Span<ulong> flat)
    {
        _m1.LowerFlat(cx, value.Item1, flat[_f1..]);
        _m2.LowerFlat(cx, value.Item2, flat[_f2..]);
        _m3.LowerFlat(cx, value.Item3, flat[_f3..]);
        _m4.LowerFlat(cx, value.Item4, flat[_f4..]);
        _m5.LowerFlat(cx, value.Item5, flat[_f5..]);
    }

    public override void Store(CanonicalContext cx, in ValueTuple<T1, T2, T3, T4, T5> value, uint ptr)
    {
        _m1.Store(cx, value.Item1, ptr + (uint)_o1);
        _m2.Store(cx, value.Item2, ptr + (uint)_o2);
        _m3.Store(cx, value.Item3, ptr + (uint)_o3);
        _m4.Store(cx, value.Item4, ptr + (uint)_o4);
        _m5.Store(cx, value.Item5, ptr + (uint)_o5);
    }

    public override ValueTuple<T1, T2, T3, T4, T5> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new(_m1.LiftFlat(cx, flat[_f1..]), _m2.LiftFlat(cx, flat[_f2..]), _m3.LiftFlat(cx, flat[_f3..]), _m4.LiftFlat(cx, flat[_f4..]), _m5.LiftFlat(cx, flat[_f5..]));

    public override ValueTuple<T1, T2, T3, T4, T5> Load(CanonicalContext cx, uint ptr) =>
        new(_m1.Load(cx, ptr + (uint)_o1), _m2.Load(cx, ptr + (uint)_o2), _m3.Load(cx, ptr + (uint)_o3), _m4.Load(cx, ptr + (uint)_o4), _m5.Load(cx, ptr + (uint)_o5));
}

internal sealed class TupleMarshaler<T1, T2, T3, T4, T5, T6> : ComponentMarshaler<ValueTuple<T1, T2, T3, T4, T5, T6>>
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

    public TupleMarshaler(ComponentValueType type, int first, ComponentMarshaler<T1> m1, ComponentMarshaler<T2> m2, ComponentMarshaler<T3> m3, ComponentMarshaler<T4> m4, ComponentMarshaler<T5> m5, ComponentMarshaler<T6> m6) : base(type)
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
    }

    public override void LowerFlat(CanonicalContext cx, in ValueTuple<T1, T2, T3, T4, T5, T6> value, Span<ulong> flat)
    {
        _m1.LowerFlat(cx, value.Item1, flat[_f1..]);
        _m2.LowerFlat(cx, value.Item2, flat[_f2..]);
        _m3.LowerFlat(cx, value.Item3, flat[_f3..]);
        _m4.LowerFlat(cx, value.Item4, flat[_f4..]);
        _m5.LowerFlat(cx, value.Item5, flat[_f5..]);
        _m6.LowerFlat(cx, value.Item6, flat[_f6..]);
    }

    public override void Store(CanonicalContext cx, in ValueTuple<T1, T2, T3, T4, T5, T6> value, uint ptr)
    {
        _m1.Store(cx, value.Item1, ptr + (uint)_o1);
        _m2.Store(cx, value.Item2, ptr + (uint)_o2);
        _m3.Store(cx, value.Item3, ptr + (uint)_o3);
        _m4.Store(cx, value.Item4, ptr + (uint)_o4);
        _m5.Store(cx, value.Item5, ptr + (uint)_o5);
        _m6.Store(cx, value.Item6, ptr + (uint)_o6);
    }

    public override ValueTuple<T1, T2, T3, T4, T5, T6> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new(_m1.LiftFlat(cx, flat[_f1..]), _m2.LiftFlat(cx, flat[_f2..]), _m3.LiftFlat(cx, flat[_f3..]), _m4.LiftFlat(cx, flat[_f4..]), _m5.LiftFlat(cx, flat[_f5..]), _m6.LiftFlat(cx, flat[_f6..]));

    public override ValueTuple<T1, T2, T3, T4, T5, T6> Load(CanonicalContext cx, uint ptr) =>
        new(_m1.Load(cx, ptr + (uint)_o1), _m2.Load(cx, ptr + (uint)_o2), _m3.Load(cx, ptr + (uint)_o3), _m4.Load(cx, ptr + (uint)_o4), _m5.Load(cx, ptr + (uint)_o5), _m6.Load(cx, ptr + (uint)_o6));
}

internal sealed class TupleMarshaler<T1, T2, T3, T4, T5, T6, T7> : ComponentMarshaler<ValueTuple<T1, T2, T3, T4, T5, T6, T7>>
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

    public TupleMarshaler(ComponentValueType type, int first, ComponentMarshaler<T1> m1, ComponentMarshaler<T2> m2, ComponentMarshaler<T3> m3, ComponentMarshaler<T4> m4, ComponentMarshaler<T5> m5, ComponentMarshaler<T6> m6, ComponentMarshaler<T7> m7) : base(type)
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
    }

    public override void LowerFlat(CanonicalContext cx, in ValueTuple<T1, T2, T3, T4, T5, T6, T7> value, Span<ulong> flat)
    {
        _m1.LowerFlat(cx, value.Item1, flat[_f1..]);
        _m2.LowerFlat(cx, value.Item2, flat[_f2..]);
        _m3.LowerFlat(cx, value.Item3, flat[_f3..]);
        _m4.LowerFlat(cx, value.Item4, flat[_f4..]);
        _m5.LowerFlat(cx, value.Item5, flat[_f5..]);
        _m6.LowerFlat(cx, value.Item6, flat[_f6..]);
        _m7.LowerFlat(cx, value.Item7, flat[_f7..]);
    }

    public override void Store(CanonicalContext cx, in ValueTuple<T1, T2, T3, T4, T5, T6, T7> value, uint ptr)
    {
        _m1.Store(cx, value.Item1, ptr + (uint)_o1);
        _m2.Store(cx, value.Item2, ptr + (uint)_o2);
        _m3.Store(cx, value.Item3, ptr + (uint)_o3);
        _m4.Store(cx, value.Item4, ptr + (uint)_o4);
        _m5.Store(cx, value.Item5, ptr + (uint)_o5);
        _m6.Store(cx, value.Item6, ptr + (uint)_o6);
        _m7.Store(cx, value.Item7, ptr + (uint)_o7);
    }

    public override ValueTuple<T1, T2, T3, T4, T5, T6, T7> LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new(_m1.LiftFlat(cx, flat[_f1..]), _m2.LiftFlat(cx, flat[_f2..]), _m3.LiftFlat(cx, flat[_f3..]), _m4.LiftFlat(cx, flat[_f4..]), _m5.LiftFlat(cx, flat[_f5..]), _m6.LiftFlat(cx, flat[_f6..]), _m7.LiftFlat(cx, flat[_f7..]));

    public override ValueTuple<T1, T2, T3, T4, T5, T6, T7> Load(CanonicalContext cx, uint ptr) =>
        new(_m1.Load(cx, ptr + (uint)_o1), _m2.Load(cx, ptr + (uint)_o2), _m3.Load(cx, ptr + (uint)_o3), _m4.Load(cx, ptr + (uint)_o4), _m5.Load(cx, ptr + (uint)_o5), _m6.Load(cx, ptr + (uint)_o6), _m7.Load(cx, ptr + (uint)_o7));
}

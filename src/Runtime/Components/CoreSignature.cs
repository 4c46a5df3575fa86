namespace WitSharp.Components;

/// <summary>Calls core functions with raw-bit flat values and checks canonical core signatures.</summary>
internal static class CoreSignature
{
    /// <summary>True when <paramref name="f"/> has exactly this core type.</summary>
    public static bool Matches(Function f, IReadOnlyList<ValueKind> parameters, IReadOnlyList<ValueKind> results) =>
        f.Parameters.SequenceEqual(parameters) && f.Results.SequenceEqual(results);

    public static void Check(Function f, IReadOnlyList<ValueKind> parameters, IReadOnlyList<ValueKind> results, string what, long offset)
    {
        if (!f.Parameters.SequenceEqual(parameters) || !f.Results.SequenceEqual(results))
            throw new ComponentException(
                $"{what}: the core function has type {Show(f.Parameters)} -> {Show(f.Results)}, the canonical ABI requires {Show(parameters)} -> {Show(results)}",
                offset);
    }

    public static string Show(IReadOnlyList<ValueKind> kinds) => "[" + string.Join(" ", kinds.Select(Name)) + "]";

    private static string Name(ValueKind k) => k switch
    {
        ValueKind.Int32 => "i32",
        ValueKind.Int64 => "i64",
        ValueKind.Float32 => "f32",
        ValueKind.Float64 => "f64",
        _ => k.ToString(),
    };

    public static ValueBox ToBox(ulong bits, ValueKind kind) => kind switch
    {
        // Each arm converts to ValueBox itself: a switch expression would otherwise widen every arm to double.
        ValueKind.Int32 => (ValueBox)(int)(uint)bits,
        ValueKind.Int64 => (ValueBox)(long)bits,
        ValueKind.Float32 => (ValueBox)BitConverter.Int32BitsToSingle((int)(uint)bits),
        _ => (ValueBox)BitConverter.Int64BitsToDouble((long)bits),
    };

    public static ulong FromBox(ValueBox box) => box.Kind switch
    {
        ValueKind.Int32 => (uint)box.AsInt32(),
        ValueKind.Int64 => (ulong)box.AsInt64(),
        ValueKind.Float32 => BitConverter.SingleToUInt32Bits(box.AsSingle()),
        ValueKind.Float64 => BitConverter.DoubleToUInt64Bits(box.AsDouble()),
        _ => throw new ComponentException($"a {box.Kind} value cannot cross the canonical ABI"),
    };

    public static ulong FromObject(object? value) => value switch
    {
        int i => (uint)i,
        long l => (ulong)l,
        float f => BitConverter.SingleToUInt32Bits(f),
        double d => BitConverter.DoubleToUInt64Bits(d),
        _ => throw new ComponentException($"a core value `{value}` cannot cross the canonical ABI"),
    };

    /// <summary>Invokes <paramref name="f"/> with raw bits; returns the raw results.</summary>
    public static ulong[] Invoke(Function f, IReadOnlyList<ulong> arguments)
    {
        var boxes = new ValueBox[arguments.Count];
        for (int i = 0; i < boxes.Length; i++) boxes[i] = ToBox(arguments[i], f.Parameters[i]);
        var result = f.Invoke(boxes);
        return f.Results.Count switch
        {
            0 => [],
            1 => [FromObject(result)],
            _ => [.. ((object?[])result!).Select(FromObject)],
        };
    }
}

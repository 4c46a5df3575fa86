using System.Globalization;
using WitSharp.Components;
using WitSharp.Core.Text;
using WastValue = WitSharp.Components.Text.ComponentValue;

namespace WitSharp.Runtime.Tests.ComponentSuite;

/// <summary>Script values (wasmtime's wast component value syntax) to run-time <see cref="ComponentValue"/>s,
/// and the comparison <c>assert_return</c> uses.</summary>
internal static class ComponentWastValues
{
    /// <summary>The run-time value a script value denotes.</summary>
    /// <exception cref="FormatException">A literal that does not fit its kind.</exception>
    public static ComponentValue ToValue(WastValue v) => v.Kind switch
    {
        "bool" => ComponentValue.Bool(v.Scalar == "true"),
        "u8" => ComponentValue.U8((byte)Int(v, 8)),
        "s8" => ComponentValue.S8(unchecked((sbyte)Int(v, 8))),
        "u16" => ComponentValue.U16((ushort)Int(v, 16)),
        "s16" => ComponentValue.S16(unchecked((short)Int(v, 16))),
        "u32" => ComponentValue.U32((uint)Int(v, 32)),
        "s32" => ComponentValue.S32(unchecked((int)Int(v, 32))),
        "u64" => ComponentValue.U64(Int(v, 64)),
        "s64" => ComponentValue.S64(unchecked((long)Int(v, 64))),
        "f32" => ComponentValue.F32(BitConverter.Int32BitsToSingle(unchecked((int)Float(v, 23, 8)))),
        "f64" => ComponentValue.F64(BitConverter.Int64BitsToDouble(unchecked((long)Float(v, 52, 11)))),
        "char" => ComponentValue.Char((uint)v.Scalar!.EnumerateRunes().First().Value),
        "str" => ComponentValue.String(v.Scalar!),
        "list" => ComponentValue.List([.. v.Items.Select(ToValue)]),
        "tuple" => ComponentValue.Tuple([.. v.Items.Select(ToValue)]),
        "record" => ComponentValue.Record([.. v.Labels.Select((l, i) => new KeyValuePair<string, ComponentValue>(l, ToValue(v.Items[i])))]),
        "variant" => ComponentValue.Variant(v.Labels[0], v.Items.Count > 0 ? ToValue(v.Items[0]) : null),
        "enum" => ComponentValue.Enum(v.Labels[0]),
        "flags" => ComponentValue.Flags([.. v.Labels]),
        "option.some" => ComponentValue.Some(ToValue(v.Items[0])),
        "option.none" => ComponentValue.None(),
        "result.ok" => ComponentValue.Ok(v.Items.Count > 0 ? ToValue(v.Items[0]) : null),
        "result.err" => ComponentValue.Err(v.Items.Count > 0 ? ToValue(v.Items[0]) : null),
        _ => throw new FormatException($"the script value {v} is not supported by the runner"),
    };

    private static ulong Int(WastValue v, int bits) =>
        NumericLiterals.TryParseInt(v.Scalar!, bits, out ulong value, out _) ? value
        : throw new FormatException($"`{v.Scalar}` is not a {v.Kind} literal");

    private static ulong Float(WastValue v, int mant, int exp) =>
        NumericLiterals.TryParseFloat(v.Scalar!, mant, exp, out ulong bits) == NumericLiterals.FloatResult.Ok ? bits
        : throw new FormatException($"`{v.Scalar}` is not a {v.Kind} literal");

    /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/>, else why not. Floats
    /// compare bit for bit except that an expected NaN matches any NaN (the canonical ABI canonicalizes NaNs
    /// and the scripts write a plain <c>nan</c>); flags compare as sets.</summary>
    public static string? Mismatch(ComponentValue expected, ComponentValue? actual, string path = "result")
    {
        if (actual is null) return $"{path}: expected {expected}, got no value";
        if (expected.Kind != actual.Kind) return $"{path}: expected {expected.Kind} {expected}, got {actual.Kind} {actual}";
        switch (expected.Kind)
        {
            case ComponentValueKind.F32:
            {
                float e = (float)expected.Real, a = (float)actual.Real;
                bool ok = float.IsNaN(e) ? float.IsNaN(a) : BitConverter.SingleToInt32Bits(e) == BitConverter.SingleToInt32Bits(a);
                return ok ? null : $"{path}: expected {Show(e)}, got {Show(a)}";
            }
            case ComponentValueKind.F64:
            {
                double e = expected.Real, a = actual.Real;
                bool ok = double.IsNaN(e) ? double.IsNaN(a) : BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a);
                return ok ? null : $"{path}: expected {Show(e)}, got {Show(a)}";
            }
            case ComponentValueKind.String:
            case ComponentValueKind.Enum:
                return expected.Text == actual.Text ? null : $"{path}: expected {expected}, got {actual}";
            case ComponentValueKind.List:
            case ComponentValueKind.Tuple:
            {
                if (expected.Items.Count != actual.Items.Count)
                    return $"{path}: expected {expected.Items.Count} elements, got {actual.Items.Count} ({actual})";
                for (int i = 0; i < expected.Items.Count; i++)
                {
                    if (Mismatch(expected.Items[i], actual.Items[i], $"{path}[{i}]") is { } m) return m;
                }
                return null;
            }
            case ComponentValueKind.Record:
            {
                if (expected.Fields.Count != actual.Fields.Count)
                    return $"{path}: expected {expected.Fields.Count} fields, got {actual.Fields.Count} ({actual})";
                for (int i = 0; i < expected.Fields.Count; i++)
                {
                    if (expected.Fields[i].Key != actual.Fields[i].Key)
                        return $"{path}: expected field `{expected.Fields[i].Key}`, got `{actual.Fields[i].Key}`";
                    if (Mismatch(expected.Fields[i].Value, actual.Fields[i].Value, $"{path}.{expected.Fields[i].Key}") is { } m) return m;
                }
                return null;
            }
            case ComponentValueKind.Variant:
            case ComponentValueKind.Option:
            case ComponentValueKind.Result:
            {
                if (expected.Text != actual.Text || expected.Flag != actual.Flag) return $"{path}: expected {expected}, got {actual}";
                if (expected.Payload is null) return actual.Payload is null ? null : $"{path}: expected no payload, got {actual}";
                return Mismatch(expected.Payload, actual.Payload, path + ".payload");
            }
            case ComponentValueKind.Flags:
                return expected.FlagNames.Order(StringComparer.Ordinal).SequenceEqual(actual.FlagNames.Order(StringComparer.Ordinal))
                    ? null : $"{path}: expected {expected}, got {actual}";
            default:
                return expected.Integer == actual.Integer ? null : $"{path}: expected {expected.Kind} {expected}, got {actual}";
        }
    }

    private static string Show(float f) => float.IsNaN(f) ? $"nan:0x{BitConverter.SingleToInt32Bits(f):x8}" : f.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(double d) => double.IsNaN(d) ? $"nan:0x{BitConverter.DoubleToInt64Bits(d):x16}" : d.ToString("R", CultureInfo.InvariantCulture);
}

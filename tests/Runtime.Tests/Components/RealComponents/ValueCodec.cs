using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.RealComponents;

/// <summary>
/// Converts between the JSON encoding of components/README.md and <see cref="ComponentValue"/>, driven by
/// the type descriptors of a <see cref="RecordedCalls"/>. Reading a result goes through the typed accessors
/// (<c>AsU8</c>, <c>AsRecord</c>...), so a value of the wrong kind fails the comparison too.
/// </summary>
internal sealed class ValueCodec(RecordedCalls calls, IHandleScope handles)
{
    // Non-ASCII text stays readable in mismatch messages; both sides are written the same way.
    private static readonly System.Text.Json.JsonSerializerOptions s_readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Structural = ["list", "tuple", "record", "variant", "enum", "flags", "option", "result", "own", "borrow"];

    /// <summary>The argument <paramref name="json"/> of type <paramref name="type"/>.</summary>
    public ComponentValue ToValue(JsonNode type, JsonNode? json)
    {
        var t = calls.Resolve(type);
        if (t is JsonValue prim)
        {
            var name = prim.GetValue<string>();
            return name switch
            {
                "bool" => ComponentValue.Bool(json!.GetValue<bool>()),
                "u8" => ComponentValue.U8(json!.GetValue<byte>()),
                "s8" => ComponentValue.S8(json!.GetValue<sbyte>()),
                "u16" => ComponentValue.U16(json!.GetValue<ushort>()),
                "s16" => ComponentValue.S16(json!.GetValue<short>()),
                "u32" => ComponentValue.U32(json!.GetValue<uint>()),
                "s32" => ComponentValue.S32(json!.GetValue<int>()),
                "u64" => ComponentValue.U64(ulong.Parse(json!.GetValue<string>(), CultureInfo.InvariantCulture)),
                "s64" => ComponentValue.S64(long.Parse(json!.GetValue<string>(), CultureInfo.InvariantCulture)),
                "f32" => ComponentValue.F32((float)Real(json!)),
                "f64" => ComponentValue.F64(Real(json!)),
                "char" => ComponentValue.Char((uint)char.ConvertToUtf32(json!.GetValue<string>(), 0)),
                "string" => ComponentValue.String(json!.GetValue<string>()),
                _ => throw new InvalidDataException($"unknown type {name}"),
            };
        }
        var o = t.AsObject();
        switch (Kind(o))
        {
            case "list":
                return ComponentValue.List([.. json!.AsArray().Select(e => ToValue(o["list"]!, e))]);
            case "tuple":
                return ComponentValue.Tuple([.. o["tuple"]!.AsArray().Select((et, i) => ToValue(et!, json![i]))]);
            case "record":
                return ComponentValue.Record([.. o["record"]!.AsObject().Select(f =>
                    new KeyValuePair<string, ComponentValue>(f.Key, ToValue(f.Value!, json![f.Key])))]);
            case "variant":
            {
                var tag = (string)json!["tag"]!;
                var payload = o["variant"]![tag];
                return ComponentValue.Variant(tag, payload is null ? null : ToValue(payload, json["val"]));
            }
            case "enum":
                return ComponentValue.Enum(json!.GetValue<string>());
            case "flags":
                return ComponentValue.Flags([.. json!.AsArray().Select(f => (string)f!)]);
            case "option":
                return json is null ? ComponentValue.None() : ComponentValue.Some(ToValue(o["option"]!, json["some"]));
            case "result":
            {
                var cases = o["result"]!.AsArray();
                var ok = json!.AsObject().ContainsKey("ok");
                var payloadType = cases[ok ? 0 : 1];
                var payload = payloadType is null ? null : ToValue(payloadType, json[ok ? "ok" : "err"]);
                return ok ? ComponentValue.Ok(payload) : ComponentValue.Err(payload);
            }
            case "own":
                return handles.Own((string)json!["$"]!);
            default: // borrow
                return handles.Borrow((string)json!["$"]!);
        }
    }

    /// <summary>The JSON encoding of <paramref name="value"/>, read as type <paramref name="type"/>. Own
    /// handles are bound, in order, to the names of <paramref name="bind"/>.</summary>
    public JsonNode? ToJson(JsonNode type, ComponentValue value, Queue<string> bind)
    {
        var t = calls.Resolve(type);
        if (t is JsonValue prim)
        {
            return prim.GetValue<string>() switch
            {
                "bool" => value.AsBool(),
                "u8" => value.AsU8(),
                "s8" => value.AsS8(),
                "u16" => value.AsU16(),
                "s16" => value.AsS16(),
                "u32" => value.AsU32(),
                "s32" => value.AsS32(),
                "u64" => value.AsU64().ToString(CultureInfo.InvariantCulture),
                "s64" => value.AsS64().ToString(CultureInfo.InvariantCulture),
                "f32" => Real(value.AsF32()),
                "f64" => Real(value.AsF64()),
                "char" => char.ConvertFromUtf32((int)value.AsChar()),
                "string" => value.AsString(),
                var name => throw new InvalidDataException($"unknown type {name}"),
            };
        }
        var o = t.AsObject();
        switch (Kind(o))
        {
            case "list":
                return new JsonArray([.. value.AsList().Select(e => ToJson(o["list"]!, e, bind))]);
            case "tuple":
            {
                var items = value.AsTuple();
                var types = o["tuple"]!.AsArray();
                if (items.Count != types.Count) throw new InvalidDataException($"tuple of {items.Count}, expected {types.Count}");
                return new JsonArray([.. types.Select((et, i) => ToJson(et!, items[i], bind))]);
            }
            case "record":
            {
                var fields = value.AsRecord();
                var result = new JsonObject();
                foreach (var (name, ft) in o["record"]!.AsObject())
                    result[name] = ToJson(ft!, fields.Single(f => f.Key == name).Value, bind);
                if (fields.Count != result.Count) throw new InvalidDataException($"record has {fields.Count} fields");
                return result;
            }
            case "variant":
            {
                var tag = value.AsVariant();
                var result = new JsonObject { ["tag"] = tag };
                if (o["variant"]![tag] is { } pt) result["val"] = ToJson(pt, value.Payload!, bind);
                else if (value.Payload is not null) throw new InvalidDataException($"case {tag} has no payload");
                return result;
            }
            case "enum":
                return value.AsEnum();
            case "flags":
            {
                var set = value.AsFlags();
                return new JsonArray([.. o["flags"]!.AsArray().Select(f => (string)f!).Where(set.Contains).Select(f => (JsonNode)f)]);
            }
            case "option":
                if (value.Kind != ComponentValueKind.Option) throw new InvalidDataException($"{value.Kind} for an option");
                return value.IsSome ? new JsonObject { ["some"] = ToJson(o["option"]!, value.Payload!, bind) } : null;
            case "result":
            {
                if (value.Kind != ComponentValueKind.Result) throw new InvalidDataException($"{value.Kind} for a result");
                var cases = o["result"]!.AsArray();
                var payloadType = cases[value.IsOk ? 0 : 1];
                var payload = payloadType is null ? null : ToJson(payloadType, value.Payload!, bind);
                return new JsonObject { [value.IsOk ? "ok" : "err"] = payload };
            }
            case "own":
                if (!bind.TryDequeue(out var handleName)) throw new InvalidDataException("an own handle came back but the call binds no name");
                handles.Bind(handleName, value);
                return new JsonObject { ["$"] = handleName };
            default:
                throw new InvalidDataException($"unsupported result type {o.ToJsonString()}");
        }
    }

    /// <summary>A text of <paramref name="node"/> in which equal values are equal strings: numbers are written
    /// back from their double value, so <c>1e+308</c> (node) and <c>1E+308</c> (.NET) compare equal.</summary>
    public static string Canonical(JsonNode? node)
    {
        var sb = new StringBuilder();
        Write(node);
        return sb.ToString();

        void Write(JsonNode? n)
        {
            switch (n)
            {
                case null: sb.Append("null"); break;
                case JsonArray a:
                    sb.Append('[');
                    for (var i = 0; i < a.Count; i++) { if (i > 0) sb.Append(','); Write(a[i]); }
                    sb.Append(']');
                    break;
                case JsonObject o:
                    sb.Append('{');
                    var first = true;
                    foreach (var (k, v) in o)
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        sb.Append(System.Text.Json.JsonSerializer.Serialize(k, s_readable)).Append(':');
                        Write(v);
                    }
                    sb.Append('}');
                    break;
                case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                    sb.Append(double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(n.ToJsonString(s_readable));
                    break;
            }
        }
    }

    private static string Kind(JsonObject o) =>
        Structural.FirstOrDefault(o.ContainsKey) ?? throw new InvalidDataException($"unknown type {o.ToJsonString()}");

    private static double Real(JsonNode json) =>
        json.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? double.Parse(json.GetValue<string>(), CultureInfo.InvariantCulture)
            : json.GetValue<double>();

    // Non-finite numbers are strings in JSON, as JavaScript's String(NaN) and String(Infinity) write them.
    private static JsonNode Real(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : d;
}

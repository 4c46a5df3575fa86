using System.Globalization;
using System.Linq;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Emit;

/// <summary>Writes the <c>IComponentType&lt;T&gt;</c> implementation of a generated record or variant (the runtime's
/// typed contract, src/Runtime/Components/Typed): its component type, and lift/lower straight between guest memory
/// or flat core values and the C# value (CanonicalABI.md "lower_flat", "store", "lift_flat", "load"), with no
/// <c>ComponentValue</c>. Fields of generated types call their <c>__LowerFlat</c>… members directly; other fields use
/// a <c>ComponentMarshaler&lt;T&gt;</c> created once from the component type's own field type. Layout constants
/// (flat slot offsets, byte offsets, payload offset) are read once from the <c>ComponentValueType</c>.</summary>
internal static class MarshalEmitter
{
    /// <summary>The internal static field holding a generated type's <c>ComponentValueType</c>.</summary>
    public const string TypeField = "__ComponentType";

    private const string Components = "global::WitSharp.Components.";
    private const string Cx = Components + "CanonicalContext cx";

    /// <summary>The base-list entry of a type that implements the contract.</summary>
    public static string BaseEntry(string csType) => Components + "IComponentType<" + csType + ">";

    public static void WriteRecord(SourceWriter w, TypeCatalog catalog, TypeModel t, string csType)
    {
        var fields = t.Members;
        w.Line("internal static readonly " + TypeCatalog.Cvt + " " + TypeField + " = " + TypeCatalog.Cvt + ".Record(" +
            string.Join(", ", fields.Select(m => "(" + SourceWriter.Literal(m.WitName) + ", " + catalog.TypeExpression(m.Ref!) + ")")) + ");");
        for (var i = 0; i < fields.Count; i++)
        {
            if (!IsGenerated(fields[i].Ref!))
                w.Line("private static readonly " + Components + "ComponentMarshaler<" + fields[i].Ref!.CsType + "> __m" + I(i) + " = " + Components +
                    "ComponentMarshaler.Create<" + fields[i].Ref!.CsType + ">(" + TypeField + ".Fields[" + I(i) + "].Type);");
        }
        for (var i = 1; i < fields.Count; i++)
        {
            var previous = i == 1 ? string.Empty : "__f" + I(i - 1) + " + ";
            w.Line("private static readonly int __f" + I(i) + " = " + previous + FlatCount(fields[i - 1].Ref!, i - 1) + ";");
            w.Line("private static readonly uint __o" + I(i) + " = (uint)" + TypeField + ".GetFieldOffset(" + I(i) + ");");
        }
        WriteInterface(w, csType);

        w.Line();
        w.Open("internal static void __LowerFlat(" + Cx + ", in " + csType + " value, global::System.Span<ulong> flat)");
        for (var i = 0; i < fields.Count; i++) w.Line(Call("LowerFlat", fields[i].Ref!, i, "value." + fields[i].Name, i == 0 ? "flat" : "flat.Slice(__f" + I(i) + ")") + ";");
        w.Close();
        w.Line();
        w.Open("internal static void __Store(" + Cx + ", in " + csType + " value, uint ptr)");
        for (var i = 0; i < fields.Count; i++) w.Line(Call("Store", fields[i].Ref!, i, "value." + fields[i].Name, i == 0 ? "ptr" : "ptr + __o" + I(i)) + ";");
        w.Close();
        w.Line();
        w.Line("internal static " + csType + " __LiftFlat(" + Cx + ", global::System.ReadOnlySpan<ulong> flat) =>");
        w.Line("    new " + csType + "(" + string.Join(", ", fields.Select((m, i) => Call("LiftFlat", m.Ref!, i, null, i == 0 ? "flat" : "flat.Slice(__f" + I(i) + ")"))) + ");");
        w.Line();
        w.Line("internal static " + csType + " __Load(" + Cx + ", uint ptr) =>");
        w.Line("    new " + csType + "(" + string.Join(", ", fields.Select((m, i) => Call("Load", m.Ref!, i, null, i == 0 ? "ptr" : "ptr + __o" + I(i)))) + ");");
    }

    public static void WriteVariant(SourceWriter w, TypeCatalog catalog, TypeModel t, string csType)
    {
        var cases = t.Members;
        var payload = Emitter.PayloadName(t);
        w.Line("internal static readonly " + TypeCatalog.Cvt + " " + TypeField + " = " + TypeCatalog.Cvt + ".Variant(" +
            string.Join(", ", cases.Select(m => "(" + SourceWriter.Literal(m.WitName) + ", " + (m.Ref is { } r ? catalog.TypeExpression(r) : "null") + ")")) + ");");
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i].Ref is { } r && !IsGenerated(r))
                w.Line("private static readonly " + Components + "ComponentMarshaler<" + r.CsType + "> __m" + I(i) + " = " + Components +
                    "ComponentMarshaler.Create<" + r.CsType + ">(" + TypeField + ".Cases[" + I(i) + "].Type!);");
        }
        w.Line("private static readonly int __flatCount = " + TypeField + ".FlatCount;");
        w.Line("private static readonly uint __payload = (uint)" + TypeField + ".PayloadOffset;");
        WriteInterface(w, csType);

        // CanonicalABI.md "discriminant_type": the smallest of u8/u16/u32 that counts the cases.
        var size = cases.Count <= 256 ? 1 : cases.Count <= 65536 ? 2 : 4;

        w.Line();
        w.Open("internal static void __LowerFlat(" + Cx + ", in " + csType + " value, global::System.Span<ulong> flat)");
        // "lower_flat_variant": slots the case does not use are zero.
        w.Line("flat.Slice(0, __flatCount).Clear();");
        w.Open("switch (value)");
        for (var i = 0; i < cases.Count; i++)
        {
            var m = cases[i];
            w.Line("case " + csType + "." + m.Name + (m.Ref is null ? ":" : " c:"));
            w.Line("    flat[0] = " + I(i) + ";");
            if (m.Ref is { } r) w.Line("    " + Call("LowerFlat", r, i, "c." + payload, "flat.Slice(1)") + ";");
            w.Line("    break;");
        }
        WriteBadValue(w);
        w.Close();
        w.Close();

        w.Line();
        w.Open("internal static void __Store(" + Cx + ", in " + csType + " value, uint ptr)");
        w.Open("switch (value)");
        for (var i = 0; i < cases.Count; i++)
        {
            var m = cases[i];
            w.Line("case " + csType + "." + m.Name + (m.Ref is null ? ":" : " c:"));
            w.Line("    " + StoreDiscriminant(size, I(i)) + ";");
            if (m.Ref is { } r) w.Line("    " + Call("Store", r, i, "c." + payload, "ptr + __payload") + ";");
            w.Line("    break;");
        }
        WriteBadValue(w);
        w.Close();
        w.Close();

        WriteLift(w, t, csType, "__LiftFlat", "global::System.ReadOnlySpan<ulong> flat", "(uint)flat[0]", "LiftFlat", "flat.Slice(1)");
        WriteLift(w, t, csType, "__Load", "uint ptr", LoadDiscriminant(size), "Load", "ptr + __payload");
    }

    private static void WriteLift(SourceWriter w, TypeModel t, string csType, string name, string source, string discriminant, string op, string at)
    {
        w.Line();
        w.Open("internal static " + csType + " " + name + "(" + Cx + ", " + source + ")");
        w.Line("var d = " + discriminant + ";");
        w.Open("return d switch");
        for (var i = 0; i < t.Members.Count; i++)
        {
            var m = t.Members[i];
            w.Line(I(i) + " => new " + csType + "." + m.Name + "(" + (m.Ref is { } r ? Call(op, r, i, null, at) : string.Empty) + "),");
        }
        WriteInvalidDiscriminant(w, t);
        w.Close(";");
        w.Close();
    }

    /// <summary>The default arm of a variant lift's <c>switch</c> (CanonicalABI.md "lift_flat_variant" /
    /// "load_variant": trap_if(case_index >= len(cases))); shared with the wire twins (WireTwins).</summary>
    internal static void WriteInvalidDiscriminant(SourceWriter w, TypeModel t) =>
        w.Line("_ => throw cx.Trap(\"invalid discriminant \" + d.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " +
            SourceWriter.Literal(" of variant `" + t.WitName + "` (" + I(t.Members.Count) + " cases)") + "),");

    /// <summary>The null and unknown-subclass arms of a variant lower's <c>switch</c>; shared with WireTwins.</summary>
    internal static void WriteBadValue(SourceWriter w)
    {
        w.Line("case null:");
        w.Line("    throw new global::System.ArgumentNullException(nameof(value));");
        w.Line("default:");
        w.Line("    throw new global::System.ArgumentException(\"unknown case \" + value.GetType().Name, nameof(value));");
    }

    private static void WriteInterface(SourceWriter w, string csType)
    {
        var iface = BaseEntry(csType);
        w.Line();
        w.Line("static " + TypeCatalog.Cvt + " " + iface + ".ComponentType => " + TypeField + ";");
        w.Line();
        w.Line("static void " + iface + ".LowerFlat(" + Cx + ", in " + csType + " value, global::System.Span<ulong> flat) => __LowerFlat(cx, value, flat);");
        w.Line();
        w.Line("static void " + iface + ".Store(" + Cx + ", in " + csType + " value, uint ptr) => __Store(cx, value, ptr);");
        w.Line();
        w.Line("static " + csType + " " + iface + ".LiftFlat(" + Cx + ", global::System.ReadOnlySpan<ulong> flat) => __LiftFlat(cx, flat);");
        w.Line();
        w.Line("static " + csType + " " + iface + ".Load(" + Cx + ", uint ptr) => __Load(cx, ptr);");
    }

    private static bool IsGenerated(TypeRef r) => r.Kind is RefKind.Record or RefKind.Variant;

    private static string FlatCount(TypeRef r, int i) => IsGenerated(r) ? r.CsType + "." + TypeField + ".FlatCount" : "__m" + I(i) + ".FlatCount";

    /// <summary>One field or payload operation: the generated type's own static member, or the cached marshaler.</summary>
    private static string Call(string op, TypeRef r, int i, string? value, string at)
    {
        var target = IsGenerated(r) ? r.CsType + ".__" + op : "__m" + I(i) + "." + op;
        return target + "(cx, " + (value is null ? string.Empty : value + ", ") + at + ")";
    }

    internal static string StoreDiscriminant(int size, string value) => size switch
    {
        1 => "cx.GetRef(ptr, 1) = " + value,
        2 => "global::System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(cx.GetSpan(ptr, 2), " + value + ")",
        _ => "global::System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(cx.GetSpan(ptr, 4), " + value + ")",
    };

    internal static string LoadDiscriminant(int size) => size switch
    {
        1 => "(uint)cx.GetRef(ptr, 1)",
        2 => "(uint)global::System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(cx.GetSpan(ptr, 2))",
        _ => "global::System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(cx.GetSpan(ptr, 4))",
    };

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Linq;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Emit;

/// <summary>Writes the wire twin of a generated record or variant that carries resource handles: a type of the same fields or cases
/// in the typed path's shapes (<see cref="TypeCatalog.Wire"/>: handles as <c>ResourceAny</c> / <c>Resource&lt;T&gt;</c>)
/// implementing <c>IComponentType&lt;T&gt;</c> through its <c>CreateMarshaler</c> hook. Why a hook and not the static
/// members: a handle's transfer needs the call's run-time resource type (CanonicalABI.md "lift_own"/"lower_own"),
/// which only the bound <c>ComponentValueType</c> names, so the per-field marshalers are built from the bound record's
/// own field types, once per binding. The static members are never reached (the runtime asks the hook first) and
/// throw. <see cref="HandleConversions"/> converts the user's record to and from the twin at the call boundary.</summary>
internal static class WireTwins
{
    private const string Components = "global::WitSharp.Components.";
    private const string Cx = Components + "CanonicalContext cx";

    public static void Write(SourceWriter w, TypeCatalog catalog, TypeModel t, string csType)
    {
        if (t.Shape == TypeShape.Variant) WriteVariant(w, catalog, t, csType);
        else WriteRecord(w, catalog, t, csType);
    }

    private const string Unbound = "throw new global::System.NotSupportedException(\"a type with resource handles is bound per function (CreateMarshaler)\")";

    private static void WriteInterface(SourceWriter w, string name)
    {
        var iface = Components + "IComponentType<" + name + ">";
        w.Line("static " + TypeCatalog.Cvt + " " + iface + ".ComponentType => " + Unbound + ";");
        w.Line();
        w.Line("static " + Components + "ComponentMarshaler<" + name + ">? " + iface + ".CreateMarshaler(" + TypeCatalog.Cvt + " bound) => new __Marshaler(bound);");
        w.Line();
        w.Line("static void " + iface + ".LowerFlat(" + Cx + ", in " + name + " value, global::System.Span<ulong> flat) => " + Unbound + ";");
        w.Line();
        w.Line("static void " + iface + ".Store(" + Cx + ", in " + name + " value, uint ptr) => " + Unbound + ";");
        w.Line();
        w.Line("static " + name + " " + iface + ".LiftFlat(" + Cx + ", global::System.ReadOnlySpan<ulong> flat) => " + Unbound + ";");
        w.Line();
        w.Line("static " + name + " " + iface + ".Load(" + Cx + ", uint ptr) => " + Unbound + ";");
    }

    /// <summary>The bound type must be this type's shape: same kind, same labels in order (Explainer.md "Type
    /// checking"); each field's or case's marshaler then checks its own type.</summary>
    private static void WriteShapeCheck(SourceWriter w, TypeModel t, string kind, string list)
    {
        var labels = string.Join(", ", t.Members.Select(m => SourceWriter.Literal(m.WitName)));
        w.Line("if (bound.Kind != global::WitSharp.Components.ComponentValueKind." + kind + " || !global::System.Linq.Enumerable.SequenceEqual(global::System.Linq.Enumerable.Select(bound." + list + ", f => f.Name), new[] { " + labels + " }))");
        w.Line("    throw new " + Components + "ComponentTypeMismatchException(" + SourceWriter.Literal(kind.ToLowerInvariant() + " `" + t.WitName + "` does not match the function's type ") + " + bound);");
    }

    private static void WriteVariant(SourceWriter w, TypeCatalog catalog, TypeModel t, string csType)
    {
        var name = catalog.TwinName(csType);
        var cases = t.Members;
        var payload = Emitter.PayloadName(t);
        var wires = cases.Select(m => m.Ref is { } r ? catalog.Wire(r) : null).ToList();
        // CanonicalABI.md "discriminant_type": the smallest of u8/u16/u32 that counts the cases.
        var size = cases.Count <= 256 ? 1 : cases.Count <= 65536 ? 2 : 4;

        w.Line();
        w.Line("/// <summary>The typed path's shape of <see cref=\"" + csType.Replace("global::", string.Empty) + "\"/> (resource handles as the runtime carries them).</summary>");
        w.Open("internal abstract record " + name + " : " + Components + "IComponentType<" + name + ">");
        w.Line("private " + name + "()");
        w.Line("{");
        w.Line("}");
        w.Line();
        for (var i = 0; i < cases.Count; i++)
            w.Line("public sealed record " + cases[i].Name + "(" + (wires[i] is { } wt ? wt + " " + payload : string.Empty) + ") : " + name + ";");
        w.Line();
        WriteInterface(w, name);
        w.Line();
        w.Open("private sealed class __Marshaler : " + Components + "ComponentMarshaler<" + name + ">");
        for (var i = 0; i < cases.Count; i++)
            if (wires[i] is { } wt) w.Line("private readonly " + Components + "ComponentMarshaler<" + wt + "> _m" + I(i) + ";");
        w.Line("private readonly int _flatCount;");
        w.Line("private readonly uint _payload;");
        w.Line();
        w.Open("public __Marshaler(" + TypeCatalog.Cvt + " bound) : base(bound)");
        WriteShapeCheck(w, t, "Variant", "Cases");
        for (var i = 0; i < cases.Count; i++)
            if (wires[i] is { } wt) w.Line("_m" + I(i) + " = " + Components + "ComponentMarshaler.Create<" + wt + ">(bound.Cases[" + I(i) + "].Type!);");
        w.Line("_flatCount = bound.FlatCount;");
        w.Line("_payload = (uint)bound.PayloadOffset;");
        w.Close();

        w.Line();
        w.Open("public override void LowerFlat(" + Cx + ", in " + name + " value, global::System.Span<ulong> flat)");
        // "lower_flat_variant": slots the case does not use are zero.
        w.Line("flat.Slice(0, _flatCount).Clear();");
        w.Open("switch (value)");
        for (var i = 0; i < cases.Count; i++)
        {
            w.Line("case " + name + "." + cases[i].Name + (wires[i] is null ? ":" : " c:"));
            w.Line("    flat[0] = " + I(i) + ";");
            if (wires[i] is not null) w.Line("    _m" + I(i) + ".LowerFlat(cx, c." + payload + ", flat.Slice(1));");
            w.Line("    break;");
        }
        MarshalEmitter.WriteBadValue(w);
        w.Close();
        w.Close();
        w.Line();
        w.Open("public override void Store(" + Cx + ", in " + name + " value, uint ptr)");
        w.Open("switch (value)");
        for (var i = 0; i < cases.Count; i++)
        {
            w.Line("case " + name + "." + cases[i].Name + (wires[i] is null ? ":" : " c:"));
            w.Line("    " + MarshalEmitter.StoreDiscriminant(size, I(i)) + ";");
            if (wires[i] is not null) w.Line("    _m" + I(i) + ".Store(cx, c." + payload + ", ptr + _payload);");
            w.Line("    break;");
        }
        MarshalEmitter.WriteBadValue(w);
        w.Close();
        w.Close();
        WriteLift(w, t, name, wires, "LiftFlat", "global::System.ReadOnlySpan<ulong> flat", "(uint)flat[0]", "flat.Slice(1)");
        WriteLift(w, t, name, wires, "Load", "uint ptr", MarshalEmitter.LoadDiscriminant(size), "ptr + _payload");
        w.Close();
        w.Close();
    }

    private static void WriteLift(SourceWriter w, TypeModel t, string name, System.Collections.Generic.List<string?> wires, string op, string source, string discriminant, string at)
    {
        w.Line();
        w.Open("public override " + name + " " + op + "(" + Cx + ", " + source + ")");
        w.Line("var d = " + discriminant + ";");
        w.Open("return d switch");
        for (var i = 0; i < t.Members.Count; i++)
            w.Line(I(i) + " => new " + name + "." + t.Members[i].Name + "(" + (wires[i] is null ? string.Empty : "_m" + I(i) + "." + op + "(cx, " + at + ")") + "),");
        MarshalEmitter.WriteInvalidDiscriminant(w, t);
        w.Close(";");
        w.Close();
    }

    private static void WriteRecord(SourceWriter w, TypeCatalog catalog, TypeModel t, string csType)
    {
        var name = catalog.TwinName(csType);
        var fields = t.Members;
        var wires = fields.Select(m => catalog.Wire(m.Ref!)).ToList();
        w.Line();
        w.Line("/// <summary>The typed path's shape of <see cref=\"" + csType.Replace("global::", string.Empty) + "\"/> (resource handles as the runtime carries them).</summary>");
        w.Open("internal readonly record struct " + name + "(" + string.Join(", ", fields.Select((m, i) => wires[i] + " " + m.Name)) + ") : " + Components + "IComponentType<" + name + ">");
        WriteInterface(w, name);
        w.Line();
        w.Open("private sealed class __Marshaler : " + Components + "ComponentMarshaler<" + name + ">");
        for (var i = 0; i < fields.Count; i++) w.Line("private readonly " + Components + "ComponentMarshaler<" + wires[i] + "> _m" + I(i) + ";");
        for (var i = 1; i < fields.Count; i++)
        {
            w.Line("private readonly int _f" + I(i) + ";");
            w.Line("private readonly uint _o" + I(i) + ";");
        }
        w.Line();
        w.Open("public __Marshaler(" + TypeCatalog.Cvt + " bound) : base(bound)");
        WriteShapeCheck(w, t, "Record", "Fields");
        for (var i = 0; i < fields.Count; i++)
        {
            w.Line("_m" + I(i) + " = " + Components + "ComponentMarshaler.Create<" + wires[i] + ">(bound.Fields[" + I(i) + "].Type);");
            if (i > 0)
            {
                w.Line("_f" + I(i) + " = " + (i == 1 ? string.Empty : "_f" + I(i - 1) + " + ") + "_m" + I(i - 1) + ".FlatCount;");
                w.Line("_o" + I(i) + " = (uint)bound.GetFieldOffset(" + I(i) + ");");
            }
        }
        w.Close();
        w.Line();
        w.Open("public override void LowerFlat(" + Cx + ", in " + name + " value, global::System.Span<ulong> flat)");
        for (var i = 0; i < fields.Count; i++) w.Line("_m" + I(i) + ".LowerFlat(cx, value." + fields[i].Name + ", " + (i == 0 ? "flat" : "flat.Slice(_f" + I(i) + ")") + ");");
        w.Close();
        w.Line();
        w.Open("public override void Store(" + Cx + ", in " + name + " value, uint ptr)");
        for (var i = 0; i < fields.Count; i++) w.Line("_m" + I(i) + ".Store(cx, value." + fields[i].Name + ", " + (i == 0 ? "ptr" : "ptr + _o" + I(i)) + ");");
        w.Close();
        w.Line();
        w.Line("public override " + name + " LiftFlat(" + Cx + ", global::System.ReadOnlySpan<ulong> flat) =>");
        w.Line("    new " + name + "(" + string.Join(", ", fields.Select((m, i) => "_m" + I(i) + ".LiftFlat(cx, " + (i == 0 ? "flat" : "flat.Slice(_f" + I(i) + ")") + ")")) + ");");
        w.Line();
        w.Line("public override " + name + " Load(" + Cx + ", uint ptr) =>");
        w.Line("    new " + name + "(" + string.Join(", ", fields.Select((m, i) => "_m" + I(i) + ".Load(cx, " + (i == 0 ? "ptr" : "ptr + _o" + I(i)) + ")")) + ");");
        w.Close();
        w.Close();
    }

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);
}

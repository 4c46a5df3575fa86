using System.Globalization;
using System.Linq;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Emit;

/// <summary>Writes the wire twin of a generated record that carries resource handles: a record of the same fields
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
        var name = catalog.TwinName(csType);
        var fields = t.Members;
        var wires = fields.Select(m => catalog.Wire(m.Ref!)).ToList();
        var iface = Components + "IComponentType<" + name + ">";
        const string Unbound = "throw new global::System.NotSupportedException(\"a record with resource handles is bound per function (CreateMarshaler)\")";

        w.Line();
        w.Line("/// <summary>The typed path's shape of <see cref=\"" + csType.Replace("global::", string.Empty) + "\"/> (resource handles as the runtime carries them).</summary>");
        w.Open("internal readonly record struct " + name + "(" + string.Join(", ", fields.Select((m, i) => wires[i] + " " + m.Name)) + ") : " + iface);
        w.Line("static " + TypeCatalog.Cvt + " " + iface + ".ComponentType => " + Unbound + ";");
        w.Line();
        w.Line("static " + Components + "ComponentMarshaler<" + name + ">? " + iface + ".CreateMarshaler(" + TypeCatalog.Cvt + " bound) => new Marshaler(bound);");
        w.Line();
        w.Line("static void " + iface + ".LowerFlat(" + Cx + ", in " + name + " value, global::System.Span<ulong> flat) => " + Unbound + ";");
        w.Line();
        w.Line("static void " + iface + ".Store(" + Cx + ", in " + name + " value, uint ptr) => " + Unbound + ";");
        w.Line();
        w.Line("static " + name + " " + iface + ".LiftFlat(" + Cx + ", global::System.ReadOnlySpan<ulong> flat) => " + Unbound + ";");
        w.Line();
        w.Line("static " + name + " " + iface + ".Load(" + Cx + ", uint ptr) => " + Unbound + ";");
        w.Line();
        w.Open("private sealed class Marshaler : " + Components + "ComponentMarshaler<" + name + ">");
        for (var i = 0; i < fields.Count; i++) w.Line("private readonly " + Components + "ComponentMarshaler<" + wires[i] + "> _m" + I(i) + ";");
        for (var i = 1; i < fields.Count; i++)
        {
            w.Line("private readonly int _f" + I(i) + ";");
            w.Line("private readonly uint _o" + I(i) + ";");
        }
        w.Line();
        w.Open("public Marshaler(" + TypeCatalog.Cvt + " bound) : base(bound)");
        // The bound type must be this record's shape: same field labels, in order (Explainer.md "Type checking");
        // each field's marshaler then checks the field's own type.
        var labels = string.Join(", ", fields.Select(m => SourceWriter.Literal(m.WitName)));
        w.Line("if (bound.Kind != global::WitSharp.Components.ComponentValueKind.Record || !global::System.Linq.Enumerable.SequenceEqual(global::System.Linq.Enumerable.Select(bound.Fields, f => f.Name), new[] { " + labels + " }))");
        w.Line("    throw new " + Components + "ComponentTypeMismatchException(" + SourceWriter.Literal("record `" + t.WitName + "` does not match the function's type ") + " + bound);");
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

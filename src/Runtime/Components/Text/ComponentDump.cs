using System.Text;
using WitSharp.Wit.Binary;

namespace WitSharp.Components.Text;

using Component = WitSharp.Wit.Binary.Component;

/// <summary>Decodes a component binary with <see cref="ComponentDecoder"/> and renders the decoded
/// definitions one per line, in binary order, in a compact text form (nested components and type
/// declarations indented). Used to check that the text encoder round-trips through the decoder, and as a
/// diagnostic dump; the runtime assembly is the one place that sees the WIT decoder's types.</summary>
internal static class ComponentDump
{
    /// <summary>Decodes <paramref name="bytes"/> and returns the rendering.</summary>
    /// <exception cref="WitBinaryException">The binary does not decode.</exception>
    public static string Render(byte[] bytes)
    {
        var sb = new StringBuilder();
        Component(sb, ComponentDecoder.Decode(bytes), 0);
        return sb.ToString();
    }

    /// <summary>Decodes <paramref name="bytes"/>, discarding the result (throws when it does not decode).</summary>
    public static void Check(byte[] bytes) => ComponentDecoder.Decode(bytes);

    /// <summary>True when <paramref name="e"/> is the decoder's error type.</summary>
    public static bool IsDecodeError(Exception e) => e is WitBinaryException;

    private static void Component(StringBuilder sb, Component c, int depth)
    {
        foreach (var d in c.Definitions)
        {
            sb.Append(' ', depth * 2);
            switch (d)
            {
                case CoreModuleDefinition m: sb.Append("core module ").Append(m.Bytes.Count).AppendLine(" bytes"); break;
                case CoreInstanceDefinition ci:
                    sb.AppendLine(ci.ModuleIndex is { } mi
                        ? $"core instance instantiate {mi}" + string.Concat(ci.Arguments.Select(a => $" (with \"{a.Name}\" {a.InstanceIndex})"))
                        : "core instance" + string.Concat(ci.Exports.Select(e => $" (export \"{e.Name}\" {Sort(e.Item)})")));
                    break;
                case CoreTypeDefinition ct: sb.Append("core type ").AppendLine(Core(ct.Type)); break;
                case NestedComponentDefinition n:
                    sb.AppendLine("component");
                    Component(sb, n.Component, depth + 1);
                    break;
                case InstanceDefinition i:
                    sb.AppendLine(i.ComponentIndex is { } ix
                        ? $"instance instantiate {ix}" + string.Concat(i.Arguments.Select(a => $" (with \"{a.Name}\" {Sort(a.Item)})"))
                        : "instance" + string.Concat(i.Exports.Select(e => $" (export {Name(e.Name)} {Sort(e.Item)})")));
                    break;
                case AliasDefinition a: sb.AppendLine(Alias(a.Alias)); break;
                case TypeDefinition t:
                    sb.Append("type ");
                    Def(sb, t.Type, depth);
                    break;
                case CanonDefinition cd: sb.AppendLine(Canon(cd)); break;
                case StartDefinition s: sb.AppendLine($"start {s.FuncIndex} args [{string.Join(",", s.Arguments)}] results {s.ResultCount}"); break;
                case ImportDefinition im: sb.AppendLine($"import {Name(im.Name)} {Extern(im.Type)}"); break;
                case ExportDefinition ex: sb.AppendLine($"export {Name(ex.Name)} {Sort(ex.Item)}" + (ex.Type is { } et ? " " + Extern(et) : "")); break;
                case CustomSectionDefinition cs: sb.AppendLine($"custom \"{cs.Name}\""); break;
                default: sb.AppendLine(d.GetType().Name); break;
            }
        }
    }

    private static void Def(StringBuilder sb, DefType t, int depth)
    {
        switch (t)
        {
            case ComponentTypeDef ct:
                sb.AppendLine("component");
                Decls(sb, ct.Declarations, depth + 1);
                break;
            case InstanceTypeDef it:
                sb.AppendLine("instance");
                Decls(sb, it.Declarations, depth + 1);
                break;
            default:
                sb.AppendLine(Type(t));
                break;
        }
    }

    private static void Decls(StringBuilder sb, IReadOnlyList<TypeDeclaration> decls, int depth)
    {
        foreach (var d in decls)
        {
            sb.Append(' ', depth * 2);
            switch (d.Kind)
            {
                case TypeDeclarationKind.CoreType: sb.Append("core type ").AppendLine(Core(d.CoreType!)); break;
                case TypeDeclarationKind.Type:
                    sb.Append("type ");
                    Def(sb, d.Type!, depth);
                    break;
                case TypeDeclarationKind.Alias: sb.AppendLine(Alias(d.Alias!)); break;
                case TypeDeclarationKind.Import: sb.AppendLine($"import {Name(d.Name!)} {Extern(d.ExternType!)}"); break;
                default: sb.AppendLine($"export {Name(d.Name!)} {Extern(d.ExternType!)}"); break;
            }
        }
    }

    private static string Type(DefType t) => t switch
    {
        PrimitiveType p => p.Primitive.ToString().ToLowerInvariant(),
        RecordType r => "record" + string.Concat(r.Fields.Select(f => $" ({f.Label} {f.Type})")),
        VariantType v => "variant" + string.Concat(v.Cases.Select(c => c.Type is { } ct ? $" ({c.Label} {ct})" : $" ({c.Label})")),
        ListType l => l.FixedLength is { } n ? $"list {l.Element} {n}" : $"list {l.Element}",
        TupleType tu => "tuple" + string.Concat(tu.Types.Select(x => " (" + x + ")")),
        FlagsType f => "flags " + string.Join(" ", f.Names),
        EnumType e => "enum " + string.Join(" ", e.Names),
        OptionType o => $"option {o.Type}",
        ResultType r => $"result ok={(r.Ok?.ToString() ?? "-")} error={(r.Error?.ToString() ?? "-")}",
        OwnType o => $"own {o.ResourceIndex}",
        BorrowType b => $"borrow {b.ResourceIndex}",
        StreamType s => $"stream {(s.Element?.ToString() ?? "-")}",
        FutureType f => $"future {(f.Element?.ToString() ?? "-")}",
        MapType m => $"map {m.Key} {m.Value}",
        FuncType f => (f.IsAsync ? "func async" : "func") + string.Concat(f.Parameters.Select(p => $" (param {p.Label} {p.Type})")) + (f.Result is { } r ? $" (result {r})" : ""),
        ResourceTypeDef r => $"resource rep={r.Representation.ToString().ToLowerInvariant()}" + (r.Destructor is { } d ? $" dtor={d}" : ""),
        _ => t.GetType().Name,
    };

    private static string Core(CoreType t) => t switch
    {
        CoreFuncType f => $"func [{string.Join(",", f.Parameters).ToLowerInvariant()}] -> [{string.Join(",", f.Results).ToLowerInvariant()}]",
        CoreModuleType m => "module" + string.Concat(m.Declarations.Select(d => " (" + d.Kind.ToString().ToLowerInvariant()
            + (d.Module is { } mo ? $" \"{mo}\"" : "") + (d.Name is { } na ? $" \"{na}\"" : "")
            + (d.ExternType is { } e ? $" {e.Kind.ToString().ToLowerInvariant()} {e.TypeIndex}" : "")
            + (d.Type is { } ty ? " " + Core(ty) : "") + ")")),
        _ => t.GetType().Name,
    };

    private static string Sort(SortIndex s) => $"{s.Sort} {s.Index}";

    private static string Name(ExternName n) =>
        $"\"{n.Name}\"" + (n.Implements is { } i ? $" (implements \"{i}\")" : "") + (n.VersionSuffix is { } v ? $" (versionsuffix \"{v}\")" : "")
        + (n.ExternalId is { } x ? $" (external-id \"{x}\")" : "");

    private static string Extern(ExternType e) => e.Kind switch
    {
        ExternKind.Value => $"value {e.ValueType}",
        ExternKind.Type => $"type {e.Bound}" + (e.Bound == ExternBound.Eq ? " " + e.Index : ""),
        _ => $"{e.Kind} {e.Index}",
    };

    private static string Alias(Alias a) => a.Kind switch
    {
        AliasKind.Outer => $"alias outer {a.InstanceOrCount} {a.OuterIndex} {a.Sort}",
        _ => $"alias {a.Kind} {a.InstanceOrCount} \"{a.Name}\" {a.Sort}",
    };

    private static string Canon(CanonDefinition c)
    {
        var o = c.Options;
        var opts = (o.StringEncoding != default ? " " + o.StringEncoding : "") + (o.Memory is { } m ? $" (memory {m})" : "")
            + (o.Realloc is { } r ? $" (realloc {r})" : "") + (o.PostReturn is { } p ? $" (post-return {p})" : "")
            + (o.IsAsync ? " async" : "") + (o.Callback is { } cb ? $" (callback {cb})" : "");
        return $"canon {c.Kind} func={c.FuncIndex} type={c.TypeIndex}{opts}";
    }
}

using System;
using System.Collections.Generic;
using System.Text;

namespace WitSharp.Wit;

// Type declarations, type expressions and function signatures (WIT.md "Item: type", "Item: func").
public sealed partial class WitPrinter
{
    private void PrintTypeDecl(string name, int typeId, List<Function>? resourceFuncs)
    {
        var t = _resolve.Types[typeId];
        PrintDocs(t.Docs);
        PrintStability(t.Stability);
        switch (t.Kind)
        {
            case RecordKind r:
                Line("record " + Name(name) + " {");
                _indent++;
                foreach (var f in r.Fields)
                {
                    PrintDocs(f.Docs);
                    Line(Name(f.Name) + ": " + TypeName(f.Type) + ",");
                }
                _indent--;
                Line("}");
                return;
            case FlagsKind fl:
                Line("flags " + Name(name) + " {");
                _indent++;
                foreach (var f in fl.Flags)
                {
                    PrintDocs(f.Docs);
                    Line(Name(f.Name) + ",");
                }
                _indent--;
                Line("}");
                return;
            case VariantKind v:
                Line("variant " + Name(name) + " {");
                _indent++;
                foreach (var c in v.Cases)
                {
                    PrintDocs(c.Docs);
                    Line(Name(c.Name) + (c.Type is { } ct ? "(" + TypeName(ct) + ")" : "") + ",");
                }
                _indent--;
                Line("}");
                return;
            case EnumKind e:
                Line("enum " + Name(name) + " {");
                _indent++;
                foreach (var c in e.Cases)
                {
                    PrintDocs(c.Docs);
                    Line(Name(c.Name) + ",");
                }
                _indent--;
                Line("}");
                return;
            case ResourceKind:
                PrintResource(name, resourceFuncs);
                return;
            default:
                Line("type " + Name(name) + " = " + KindExpression(t.Kind) + ";");
                return;
        }
    }

    private void PrintResource(string name, List<Function>? funcs)
    {
        if (funcs is null || funcs.Count == 0)
        {
            Line("resource " + Name(name) + ";");
            return;
        }
        Line("resource " + Name(name) + " {");
        _indent++;
        foreach (var f in funcs)
        {
            PrintDocs(f.Docs);
            PrintStability(f.Stability);
            switch (f.Kind)
            {
                case FunctionKindTag.Constructor:
                    Line(Signature(f) + ";");
                    break;
                case FunctionKindTag.Static:
                case FunctionKindTag.AsyncStatic:
                    Line(Name(ItemName(f)) + ": static " + Signature(f) + ";");
                    break;
                default:
                    Line(Name(ItemName(f)) + ": " + Signature(f) + ";");
                    break;
            }
        }
        _indent--;
        Line("}");
    }

    /// <summary>The name a resource function was declared with: after the dot of <c>[method]r.name</c>.</summary>
    private static string ItemName(Function f)
    {
        var dot = f.Name.IndexOf('.');
        return dot < 0 ? f.Name : f.Name.Substring(dot + 1);
    }

    /// <summary><c>func(…) -> r</c>, <c>async func(…)</c> or <c>constructor(…)</c>; a method's implicit
    /// <c>self</c> and a constructor's implicit <c>own&lt;r&gt;</c> result are left out.</summary>
    private string Signature(Function f)
    {
        var sb = new StringBuilder();
        var isCtor = f.Kind == FunctionKindTag.Constructor;
        sb.Append(isCtor ? "constructor(" : f.IsAsync ? "async func(" : "func(");
        var skip = f.Kind is FunctionKindTag.Method or FunctionKindTag.AsyncMethod ? 1 : 0;
        for (var i = skip; i < f.Params.Count; i++)
        {
            if (i > skip) sb.Append(", ");
            sb.Append(Name(f.Params[i].Name)).Append(": ").Append(TypeName(f.Params[i].Type));
        }
        sb.Append(')');
        if (f.Result is { } r && !(isCtor && IsImplicitConstructorResult(f, r)))
        {
            sb.Append(" -> ").Append(TypeName(r));
        }
        return sb.ToString();
    }

    /// <summary>Whether a constructor's result is the plain owned handle every constructor returns.</summary>
    private bool IsImplicitConstructorResult(Function f, WitType result)
    {
        if (!result.IsId) return false;
        var id = result.TypeId;
        if (id == f.ResourceTypeId) return true;
        return _resolve.Types[id].Kind is HandleKind { IsBorrow: false } h &&
               _resolve.Dealias(h.ResourceTypeId) == _resolve.Dealias(f.ResourceTypeId);
    }

    /// <summary>How a type is written where it is used: a primitive, the name of a named type, or the
    /// structure of an anonymous one.</summary>
    private string TypeName(WitType t)
    {
        switch (t.Kind)
        {
            case WitTypeKind.Id:
            {
                var def = _resolve.Types[t.TypeId];
                if (def.Name is not null) return Name(def.Name);
                // Where a type is used, a resource's bare name means an owned handle (WIT.md "Handles"),
                // so `own<r>` is written `r` as the reference printer does.
                if (def.Kind is HandleKind { IsBorrow: false } own) return ResourceName(own.ResourceTypeId);
                return KindExpression(def.Kind);
            }
            case WitTypeKind.ErrorContext:
                return "error-context";
            default:
                return t.ToString();
        }
    }

    /// <summary>The right-hand side of <c>type x = …</c> for kinds that have no declaration form.</summary>
    private string KindExpression(TypeDefKind kind)
    {
        switch (kind)
        {
            case HandleKind h:
                return (h.IsBorrow ? "borrow<" : "own<") + ResourceName(h.ResourceTypeId) + ">";
            case ListKind l:
                return "list<" + TypeName(l.Element) + ">";
            case FixedSizeListKind fs:
                return "list<" + TypeName(fs.Element) + ", " + Invariant(fs.Size) + ">";
            case MapKind m:
                return "map<" + TypeName(m.Key) + ", " + TypeName(m.Value) + ">";
            case OptionKind o:
                return "option<" + TypeName(o.Type) + ">";
            case ResultKind r:
                if (r.Ok is null && r.Err is null) return "result";
                if (r.Err is null) return "result<" + TypeName(r.Ok!.Value) + ">";
                return "result<" + (r.Ok is { } ok ? TypeName(ok) : "_") + ", " + TypeName(r.Err.Value) + ">";
            case TupleKind tu:
            {
                var sb = new StringBuilder("tuple<");
                for (var i = 0; i < tu.Types.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(TypeName(tu.Types[i]));
                }
                return sb.Append('>').ToString();
            }
            case FutureKind fu:
                return fu.Payload is { } fp ? "future<" + TypeName(fp) + ">" : "future";
            case StreamKind st:
                return st.Payload is { } sp ? "stream<" + TypeName(sp) + ">" : "stream";
            case AliasKind a:
                return TypeName(a.Target);
            default:
                throw new InvalidOperationException("a " + kind.Tag + " type must be declared with a name");
        }
    }

    private string ResourceName(int typeId) =>
        _resolve.Types[typeId].Name is { } n ? Name(n) : throw new InvalidOperationException("a handle must point at a named resource");
}

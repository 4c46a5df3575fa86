using System.Collections.Generic;
using System.Linq;
using WitSharp.Generator.Diagnostics;
using WitSharp.Generator.Model;
using WitSharp.Generator.Naming;
using WitSharp.Wit;

namespace WitSharp.Generator.Pipeline;

// Members of generated types and the methods of generated interfaces (docs/type-mapping.md "Types" and
// "Functions"). Resource methods (`[method]r.f`) become instance members of the resource's type; constructors
// and static functions (`[constructor]r`, `[static]r.f`) become `CreateR` / `RF` members of the interface's
// functions interface, since an instance cannot construct itself.
internal sealed partial class ModelBuilder
{
    private List<TypeModel> BuildTypes(Container c, IEnumerable<int> typeIds, IEnumerable<Function> functions)
    {
        var methods = new Dictionary<int, List<Function>>();
        foreach (var f in functions)
        {
            if (f.Kind is not (FunctionKindTag.Method or FunctionKindTag.AsyncMethod) || f.ResourceTypeId < 0) continue;
            var rid = _resolve.Dealias(f.ResourceTypeId);
            if (!methods.TryGetValue(rid, out var list)) methods[rid] = list = new List<Function>();
            list.Add(f);
        }

        var result = new List<TypeModel>();
        foreach (var typeId in typeIds)
        {
            var def = _resolve.Types[typeId];
            if (!TypeRenderer.IsDeclared(def) || !_declaredNames.ContainsKey(Key(typeId, c.IsExport))) continue;
            _context = "`" + def.Name + "` in `" + c.WitName + "`";
            var name = ShortName(typeId, c.IsExport);
            var docs = DocsOr(def.Docs, def.Stability, "The WIT " + def.Kind.Tag.ToString().ToLowerInvariant() + " `" + def.Name + "` of `" + c.WitName + "`.");
            switch (def.Kind)
            {
                case RecordKind record:
                {
                    var scope = new NameScope(s_recordMembers) { OnRename = Renamed(def.Name!) };
                    scope.Reserve(name);
                    var members = record.Fields.Select(f =>
                    {
                        var r = _renderer.Ref(f.Type, c.IsExport);
                        return new MemberModel(f.Name, scope.Claim(f.Name, NameMangler.Pascal(f.Name)), r.CsType,
                            DocsOr(f.Docs, "The `" + f.Name + "` field."), 0) { Ref = r };
                    });
                    result.Add(new TypeModel(TypeShape.Record, def.Name!, name, docs, null, members.ToEquatableArray(), EquatableArray<MethodModel>.Empty));
                    break;
                }
                case VariantKind variant:
                {
                    // `Item` stays free for the payload property (see Emitter.EmitVariant).
                    var scope = new NameScope(s_recordMembers) { OnRename = Renamed(def.Name!) };
                    scope.Reserve(name);
                    scope.Reserve("Item");
                    var members = variant.Cases.Select((k, i) =>
                    {
                        var r = k.Type is { } t ? _renderer.Ref(t, c.IsExport) : null;
                        return new MemberModel(k.Name, scope.Claim(k.Name, NameMangler.Pascal(k.Name)), r?.CsType,
                            DocsOr(k.Docs, "The `" + k.Name + "` case."), (ulong)i) { Ref = r };
                    });
                    result.Add(new TypeModel(TypeShape.Variant, def.Name!, name, docs, null, members.ToEquatableArray(), EquatableArray<MethodModel>.Empty));
                    break;
                }
                case EnumKind enumKind:
                {
                    var scope = new NameScope(name, "value__") { OnRename = Renamed(def.Name!) };
                    var members = enumKind.Cases.Select((k, i) => new MemberModel(
                        k.Name, scope.Claim(k.Name, NameMangler.Pascal(k.Name)), null, DocsOr(k.Docs, "The `" + k.Name + "` case."), (ulong)i));
                    result.Add(new TypeModel(TypeShape.Enum, def.Name!, name, docs, TypeRenderer.EnumUnderlying(enumKind.Cases.Count),
                        members.ToEquatableArray(), EquatableArray<MethodModel>.Empty));
                    break;
                }
                case FlagsKind flags:
                {
                    var underlying = TypeRenderer.FlagsUnderlying(flags.Flags.Count);
                    if (underlying is null)
                    {
                        Report(Descriptors.Unsupported, "flags with more than 64 members", _context);
                        break;
                    }
                    var scope = new NameScope(name, "value__") { OnRename = Renamed(def.Name!) };
                    var members = flags.Flags.Select((k, i) => new MemberModel(
                        k.Name, scope.Claim(k.Name, NameMangler.Pascal(k.Name)), null, DocsOr(k.Docs, "The `" + k.Name + "` flag."), 1UL << i));
                    result.Add(new TypeModel(TypeShape.Flags, def.Name!, name, docs, underlying, members.ToEquatableArray(), EquatableArray<MethodModel>.Empty));
                    break;
                }
                case ResourceKind:
                {
                    // An interface can declare GetType() or ToString() (the implementing class hides or implements
                    // them); an abstract class would hide object's members, so there they are renamed.
                    var scope = c.IsExport ? new NameScope(s_objectMembers) : new NameScope();
                    scope.OnRename = Renamed(def.Name!);
                    scope.Reserve(name);
                    scope.Reserve("Dispose");
                    var list = methods.TryGetValue(typeId, out var fs) ? fs : new List<Function>();
                    var built = list.Select(f => BuildMethod(f, scope, NameMangler.Pascal(AfterDot(f.Name)), skipSelf: true, c.IsExport))
                        .Where(m => m is not null).Select(m => m!);
                    var shape = c.IsExport ? TypeShape.ExportedResource : TypeShape.ImportedResource;
                    result.Add(new TypeModel(shape, def.Name!, name, docs, null, EquatableArray<MemberModel>.Empty, built.ToEquatableArray()));
                    break;
                }
            }
        }
        return result;
    }

    private FunctionsModel? BuildFunctions(Container c, string name, string docs, IEnumerable<Function> functions, NameScope? shared = null)
    {
        var scope = shared ?? new NameScope();
        scope.OnRename = Renamed(c.WitName);
        scope.Reserve(name);
        var methods = new List<MethodModel>();
        foreach (var f in functions)
        {
            string wanted;
            switch (f.Kind)
            {
                case FunctionKindTag.Freestanding:
                case FunctionKindTag.AsyncFreestanding:
                    wanted = NameMangler.Pascal(f.Name);
                    break;
                case FunctionKindTag.Constructor:
                    wanted = "Create" + ResourceName(f);
                    break;
                case FunctionKindTag.Static:
                case FunctionKindTag.AsyncStatic:
                    wanted = ResourceName(f) + NameMangler.Pascal(AfterDot(f.Name));
                    break;
                default:
                    continue; // methods live on the resource type
            }
            _context = "`" + f.Name + "` in `" + c.WitName + "`";
            var m = BuildMethod(f, scope, wanted, skipSelf: false, c.IsExport);
            if (m is not null) methods.Add(m);
        }
        return methods.Count == 0 ? null : new FunctionsModel(name, docs, methods.ToEquatableArray());
    }

    private MethodModel? BuildMethod(Function f, NameScope scope, string wanted, bool skipSelf, bool exportSide)
    {
        var context = "`" + f.Name + "`";
        if (f.IsAsync)
        {
            Report(Descriptors.Unsupported, "async function", context);
            return null;
        }
        _context = context;
        var parameters = new List<ParamModel>();
        var paramScope = new NameScope();
        foreach (var p in skipSelf ? f.Params.Skip(1) : f.Params)
        {
            var r = _renderer.Ref(p.Type, exportSide);
            parameters.Add(new ParamModel(p.Name, paramScope.Claim(p.Name, NameMangler.Camel(p.Name)), r.CsType, r));
        }

        string returnType;
        string? errorType = null;
        TypeRef? resultRef = null;
        if (f.Result is not { } result)
        {
            returnType = "void";
        }
        else
        {
            resultRef = _renderer.Ref(result, exportSide);
            if (_exceptions && resultRef.Kind == RefKind.Result)
            {
                var ok = resultRef.Args[0];
                returnType = ok.Kind == RefKind.Unit ? "void" : ok.CsType;
                errorType = resultRef.Args[1].CsType;
            }
            else
            {
                returnType = resultRef.CsType;
            }
        }
        var name = scope.Claim(f.Name, wanted);
        var kind = f.Kind switch
        {
            FunctionKindTag.Constructor => MethodKind.Constructor,
            FunctionKindTag.Method => MethodKind.Method,
            FunctionKindTag.Static => MethodKind.Static,
            _ => MethodKind.Freestanding,
        };
        var resource = kind != MethodKind.Freestanding && f.ResourceTypeId >= 0 ? _renderer.Render(WitType.FromId(_resolve.Dealias(f.ResourceTypeId)), exportSide) : null;
        return new MethodModel(f.Name, name, returnType, parameters.ToEquatableArray(), DocsOr(f.Docs, f.Stability, "The WIT function `" + f.Name + "`."), errorType)
        {
            Result = resultRef,
            Kind = kind,
            Resource = resource,
        };
    }

    private string ResourceName(Function f) =>
        f.ResourceTypeId >= 0 && _resolve.Types[_resolve.Dealias(f.ResourceTypeId)].Name is { } n ? NameMangler.Pascal(n) : NameMangler.Pascal(AfterDot(f.Name));

    /// <summary><c>[method]r.f</c> → <c>f</c>; <c>[constructor]r</c> → <c>r</c>.</summary>
    private static string AfterDot(string mangled)
    {
        var close = mangled.IndexOf(']');
        var rest = close >= 0 ? mangled.Substring(close + 1) : mangled;
        var dot = rest.IndexOf('.');
        return dot >= 0 ? rest.Substring(dot + 1) : rest;
    }

    private System.Action<string, string, string> Renamed(string owner) => (wit, wanted, given) =>
        Report(Descriptors.NameCollision, "`" + wit + "` in `" + owner + "` is generated as '" + given + "' because '" + wanted + "' is taken");
}

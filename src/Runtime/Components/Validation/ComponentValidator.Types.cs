using WitSharp.Core;
using ExternKind = WitSharp.Wit.Binary.ExternKind;
using WitSharp.Wit.Binary;
using BinaryFuncType = WitSharp.Wit.Binary.FuncType;
using CoreFuncType = WitSharp.Core.FuncType;

namespace WitSharp.Components.Validation;

internal sealed partial class ComponentValidator
{
    // ---- core types (Binary.md core:type, core:moduletype) ----

    private object CreateCoreType(CoreType t) => t switch
    {
        WitSharp.Wit.Binary.CoreFuncType f => CoreFuncOf(f),
        CoreModuleType m => ModuleType(m),
        _ => throw new ValidationError("unsupported core type"),
    };

    private static CoreFuncType CoreFuncOf(WitSharp.Wit.Binary.CoreFuncType f) =>
        new([.. f.Parameters.Select(CoreSubtyping.Convert)], [.. f.Results.Select(CoreSubtyping.Convert)]);

    private ModuleSig ModuleType(CoreModuleType m)
    {
        var types = new List<CoreFuncType?>();
        var sig = new ModuleSig();
        var importNames = new HashSet<(string, string)>();
        CoreFuncType FuncTypeAt(uint i) => i < types.Count && types[(int)i] is { } f ? f : throw new ValidationError($"unknown type {i}: type index out of bounds");
        CoreEntity Extern(CoreExternType e) => e.Kind switch
        {
            CoreExternKind.Func => new CoreFuncEntity(FuncTypeAt(e.TypeIndex)),
            CoreExternKind.Tag => new CoreTagEntity(FuncTypeAt(e.TypeIndex)),
            CoreExternKind.Table => new CoreTableEntity(new TableType(CoreSubtyping.Convert(e.ValueType), new Limits(e.Minimum, e.Maximum))),
            CoreExternKind.Memory => Memory(e),
            _ => new CoreGlobalEntity(new GlobalType(CoreSubtyping.Convert(e.ValueType), e.Mutable)),
        };
        foreach (var d in m.Declarations)
        {
            switch (d.Kind)
            {
                case CoreModuleDeclarationKind.Type:
                    types.Add(d.Type is WitSharp.Wit.Binary.CoreFuncType f ? CoreFuncOf(f) : throw new ValidationError("core module types may only declare function types"));
                    break;
                case CoreModuleDeclarationKind.OuterTypeAlias:
                    if (d.OuterCount == 0) types.Add(FuncTypeAt(d.OuterIndex));
                    else
                    {
                        var count = d.OuterCount - 1;
                        if (count >= _states.Count) throw new ValidationError($"invalid outer alias count of {count}");
                        var t = _states[_states.Count - 1 - (int)count].CoreTypeAt(d.OuterIndex);
                        types.Add(t as CoreFuncType ?? throw new ValidationError("not implemented: aliasing core module types into a core module's types index space"));
                    }
                    break;
                case CoreModuleDeclarationKind.Import:
                    if (!importNames.Add((d.Module!, d.Name!))) throw new ValidationError($"duplicate import name `{d.Module}:{d.Name}`");
                    sig.Imports.Add((d.Module!, d.Name!, Extern(d.ExternType!)));
                    break;
                case CoreModuleDeclarationKind.Export:
                    if (!sig.Exports.Add(d.Name!, Extern(d.ExternType!))) throw new ValidationError($"duplicate export name `{d.Name}` already defined");
                    break;
            }
        }
        return sig;
    }

    private static CoreMemoryEntity Memory(CoreExternType e)
    {
        if (!e.Is64 && e.Minimum > 65536) throw new ValidationError("memory size must be at most 65536 pages (4GiB)");
        if (!e.Is64 && e.Maximum > 65536) throw new ValidationError("memory size must be at most 65536 pages (4GiB)");
        return new CoreMemoryEntity(new MemoryType(new Limits(e.Minimum, e.Maximum), e.Shared, e.Is64));
    }

    // ---- extern types (Binary.md externdesc) ----

    private Entity CheckTypeRef(ExternType t)
    {
        var s = Current;
        switch (t.Kind)
        {
            case ExternKind.CoreModule:
                return s.CoreTypeAt(t.Index) is ModuleSig m ? new ModuleEntity(m) : throw new ValidationError($"core type index {t.Index} is not a module type");
            case ExternKind.Func:
                return s.TypeAt(t.Index) is FuncSig f ? new FuncEntity(f) : throw new ValidationError($"type index {t.Index} is not a function type");
            case ExternKind.Value:
                return new ValueEntity(t.Bound == ExternBound.Eq ? ValueEq(t.Index) : ResolveVal(t.ValueType));
            case ExternKind.Type:
                if (t.Bound == ExternBound.SubResource)
                {
                    var r = new ResourceRef(new Resource(null));
                    return new TypeEntity(r, r);
                }
                var referenced = s.TypeAt(t.Index);
                return new TypeEntity(referenced, referenced.Unique());
            case ExternKind.Instance:
                return s.TypeAt(t.Index) is InstanceSig i ? new InstanceEntity(i) : throw new ValidationError($"type index {t.Index} is not an instance type");
            default:
                return s.TypeAt(t.Index) is ComponentSig c ? new ComponentEntity(c) : throw new ValidationError($"type index {t.Index} is not a component type");
        }
    }

    private CompValType ValueEq(uint valueIndex)
    {
        var s = Current;
        if (valueIndex >= s.Values.Count) throw new ValidationError($"unknown value {valueIndex}: value index out of bounds");
        return s.Values[(int)valueIndex].Type;
    }

    private CompValType ResolveVal(ComponentValType t) => t.IsIndex ? Current.DefinedTypeAt(t.TypeIndex) : CompValType.Of(t.Primitive);

    // ---- type definitions (Binary.md deftype) ----

    private void AddType(DefType t)
    {
        var s = Current;
        switch (t)
        {
            case DefinedValType d:
                var defined = Defined(d);
                if (defined.Depth > 100) throw new ValidationError("type nesting is too deep");
                s.Types.Add(TypeSizes.Check(ValueSizes.Check(defined)));
                break;
            case BinaryFuncType f:
                s.Types.Add(TypeSizes.Check(CreateFuncSig(f)));
                break;
            case ResourceTypeDef r:
            {
                if (s.Kind != StateKind.Component) throw new ValidationError("resources can only be defined within a concrete component");
                if (r.Representation == CoreValType.I64) throw new ValidationError("resources with `i64` require the `cm64` feature to be enabled");
                if (r.Representation != CoreValType.I32) throw new ValidationError("resources can only be represented by `i32` or `i64`");
                if (r.Destructor is { } dtor)
                {
                    var ft = s.CoreFuncAt(dtor);
                    if (ft.Params.Length != 1 || ft.Params[0] != Core.ValType.I32 || ft.Results.Length != 0)
                        throw new ValidationError($"core function {dtor} has wrong signature for a destructor");
                }
                var res = new Resource(r.Representation);
                s.DefinedResources.Add(res);
                s.Types.Add(new ResourceRef(res));
                break;
            }
            case ComponentTypeDef c:
            {
                _states.Add(NewState(StateKind.ComponentType));
                foreach (var decl in c.Declarations) Declaration(decl);
                var sig = TypeSizes.Check(Current.Finish());
                _states.RemoveAt(_states.Count - 1);
                Current.Types.Add(sig);
                break;
            }
            case InstanceTypeDef i:
            {
                _states.Add(NewState(StateKind.InstanceType));
                foreach (var decl in i.Declarations) Declaration(decl);
                var sig = TypeSizes.Check(Current.FinishInstance());
                _states.RemoveAt(_states.Count - 1);
                Current.Types.Add(sig);
                break;
            }
        }
    }

    private void Declaration(TypeDeclaration d)
    {
        var s = Current;
        switch (d.Kind)
        {
            case TypeDeclarationKind.CoreType: s.CoreTypes.Add(CreateCoreType(d.CoreType!)); break;
            case TypeDeclarationKind.Type: AddType(d.Type!); break;
            case TypeDeclarationKind.Alias: AddAlias(d.Alias!); break;
            case TypeDeclarationKind.Import:
                if (s.Kind == StateKind.InstanceType) throw new ValidationError("instance types may not contain imports");
                s.AddImport(d.Name!, CheckTypeRef(d.ExternType!));
                break;
            case TypeDeclarationKind.Export: s.AddExport(d.Name!, CheckTypeRef(d.ExternType!)); break;
        }
    }

    private FuncSig CreateFuncSig(BinaryFuncType f)
    {
        var ps = new List<(string, CompValType)>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in f.Parameters)
        {
            ExternNames.Label(p.Label, "function parameter");
            if (seen.TryGetValue(p.Label, out var prev))
                throw new ValidationError($"function parameter name `{p.Label}` conflicts with previous parameter name `{prev}`");
            seen[p.Label] = p.Label;
            ps.Add((p.Label, ResolveVal(p.Type)));
        }
        CompValType? result = null;
        if (f.Result is { } r)
        {
            result = ResolveVal(r);
            if (TypeWalk.ContainsBorrow(result)) throw new ValidationError("function result cannot contain a `borrow` type");
        }
        return new FuncSig(f.IsAsync, ps, result);
    }

    private CompValType Defined(DefinedValType d)
    {
        var s = Current;
        switch (d)
        {
            case PrimitiveType p:
                return new CompValType { Kind = DefinedKind.Primitive, Primitive = p.Primitive };
            case RecordType r:
                if (r.Fields.Count == 0) throw new ValidationError("record type must have at least one field");
                return new CompValType { Kind = DefinedKind.Record, Fields = Labeled(r.Fields.Select(f => (f.Label, (ComponentValType?)f.Type)), "record field", "field") };
            case VariantType v:
                if (v.Cases.Count == 0) throw new ValidationError("variant type must have at least one case");
                return new CompValType { Kind = DefinedKind.Variant, Fields = Labeled(v.Cases.Select(c => (c.Label, c.Type)), "variant case", "case") };
            case ListType l:
                if (l.FixedLength is { } n)
                {
                    if (n < 1) throw new ValidationError("Fixed-length lists must have more than zero elements");
                    if (n > 1u << 30) throw new ValidationError("fixed-length list element count exceeds limit of 1073741824");
                    return new CompValType { Kind = DefinedKind.FixedList, Elements = [ResolveVal(l.Element)], Length = n };
                }
                return new CompValType { Kind = DefinedKind.List, Elements = [ResolveVal(l.Element)] };
            case TupleType t:
                if (t.Types.Count == 0) throw new ValidationError("tuple type must have at least one type");
                return new CompValType { Kind = DefinedKind.Tuple, Elements = [.. t.Types.Select(ResolveVal)] };
            case FlagsType f:
                if (f.Names.Count == 0) throw new ValidationError("flags must have at least one entry");
                if (f.Names.Count > 32) throw new ValidationError("cannot have more than 32 flags");
                return new CompValType { Kind = DefinedKind.Flags, Fields = Names(f.Names, "flag", "flag name `{0}` conflicts with previous flag name `{1}`") };
            case EnumType e:
                if (e.Names.Count == 0) throw new ValidationError("enum type must have at least one variant");
                return new CompValType { Kind = DefinedKind.Enum, Fields = Names(e.Names, "enum tag", "enum tag name `{0}` conflicts with previous tag name `{1}`") };
            case OptionType o:
                return new CompValType { Kind = DefinedKind.Option, Elements = [ResolveVal(o.Type)] };
            case ResultType r:
                return new CompValType { Kind = DefinedKind.Result, Elements = [r.Ok is { } ok ? ResolveVal(ok) : null, r.Error is { } err ? ResolveVal(err) : null] };
            case OwnType o:
                return new CompValType { Kind = DefinedKind.Own, Resource = s.ResourceAt(o.ResourceIndex) };
            case BorrowType b:
                return new CompValType { Kind = DefinedKind.Borrow, Resource = s.ResourceAt(b.ResourceIndex) };
            case StreamType st:
                if (st.Element is { IsIndex: false, Primitive: PrimitiveValType.Char })
                    throw new ValidationError("`stream<char>` is not valid at this time, use `stream<u8>` with a defined by encoding instead for now");
                return new CompValType { Kind = DefinedKind.Stream, Elements = [st.Element is { } se ? ResolveVal(se) : null] };
            case FutureType ft:
                return new CompValType { Kind = DefinedKind.Future, Elements = [ft.Element is { } fe ? ResolveVal(fe) : null] };
            case MapType m:
                return new CompValType { Kind = DefinedKind.Map, Elements = [ResolveVal(m.Key), ResolveVal(m.Value)] };
            default:
                throw new ValidationError("unsupported defined type");
        }
    }

    private List<(string, CompValType?)> Labeled(IEnumerable<(string Label, ComponentValType? Type)> items, string desc, string what)
    {
        var list = new List<(string, CompValType?)>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (label, type) in items)
        {
            ExternNames.Label(label, desc);
            var t = type is { } ct ? ResolveVal(ct) : null;
            if (seen.TryGetValue(label, out var prev))
                throw new ValidationError($"{desc} name `{label}` conflicts with previous {what} name `{prev}`");
            seen[label] = label;
            list.Add((label, t));
        }
        return list;
    }

    private static List<(string, CompValType?)> Names(IReadOnlyList<string> names, string desc, string conflict)
    {
        var list = new List<(string, CompValType?)>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in names)
        {
            ExternNames.Label(n, desc);
            if (seen.TryGetValue(n, out var prev)) throw new ValidationError(string.Format(conflict, n, prev));
            seen[n] = n;
            list.Add((n, null));
        }
        return list;
    }
}

namespace WitSharp.Components.Validation;

/// <summary>A validation failure without its location; <see cref="ComponentValidator"/> adds the byte offset of
/// the definition being validated and turns it into an <see cref="InvalidException"/>.</summary>
internal sealed class ValidationError(string message, bool malformed = false) : Exception(message)
{
    /// <summary>The failure is a decoding error the binary reader let through (reported as <see cref="MalformedException"/>).</summary>
    public bool Malformed { get; } = malformed;

    /// <summary>The same failure with <paramref name="context"/> on the line before (wasm-tools <c>with_context</c>).</summary>
    public ValidationError With(string context) => new(context + "\n" + Message);
}

/// <summary>
/// Subtyping of component-level types (Explainer.md "Subtyping"; as wasm-tools implements it, value and function
/// types must be equal, instances and components follow width subtyping, resources are equal only when they are the
/// same resource after substitution).
/// </summary>
internal static class Subtyping
{
    public static void Check(Entity a, Entity b)
    {
        switch (a, b)
        {
            case (ModuleEntity ma, ModuleEntity mb): Module(ma.Type, mb.Type); break;
            case (FuncEntity fa, FuncEntity fb): Func(fa.Type, fb.Type); break;
            case (ValueEntity va, ValueEntity vb): Val(va.Type, vb.Type); break;
            case (TypeEntity ta, TypeEntity tb): Any(ta.Referenced, tb.Referenced); break;
            case (InstanceEntity ia, InstanceEntity ib): Instance(ia.Type, ib.Type); break;
            case (ComponentEntity ca, ComponentEntity cb): Component(ca.Type, cb.Type); break;
            default: throw new ValidationError($"expected {b.Desc}, found {a.Desc}");
        }
    }

    public static void Any(AnyType a, AnyType b)
    {
        switch (a, b)
        {
            case (ResourceRef ra, ResourceRef rb):
                if (!ReferenceEquals(ra.Resource, rb.Resource))
                    throw new ValidationError($"resource types are not the same ({ra.Resource} vs. {rb.Resource})");
                break;
            case (CompValType va, CompValType vb): Val(va, vb); break;
            case (FuncSig fa, FuncSig fb): Func(fa, fb); break;
            case (InstanceSig ia, InstanceSig ib): Instance(ia, ib); break;
            case (ComponentSig ca, ComponentSig cb): Component(ca, cb); break;
            default:
                var found = a switch { ResourceRef => "resource", CompValType => "defined type", FuncSig => "func type", InstanceSig => "instance type", _ => "component type" };
                var expected = b switch { ResourceRef => "resource", CompValType => "defined type", FuncSig => "func type", InstanceSig => "instance type", _ => "component type" };
                throw new ValidationError($"expected {expected}, found {found}");
        }
    }

    public static void Module(ModuleSig a, ModuleSig b)
    {
        // Imports are contravariant: everything a imports must be provided by b's imports.
        foreach (var (m, n, ta) in a.Imports)
        {
            var tb = b.Imports.FirstOrDefault(i => i.Module == m && i.Name == n).Type
                ?? throw new ValidationError($"missing expected import `{m}::{n}`");
            if (CoreSubtyping.Check(tb, ta) is { } why) throw new ValidationError($"type mismatch in import `{m}::{n}`\n{why}");
        }
        foreach (var (n, tb) in b.Exports.Items)
        {
            if (!a.Exports.TryGet(n, out var ta)) throw new ValidationError($"missing expected export `{n}`");
            if (CoreSubtyping.Check(ta, tb) is { } why) throw new ValidationError($"type mismatch in export `{n}`\n{why}");
        }
    }

    public static void Instance(InstanceSig a, InstanceSig b)
    {
        var pairs = new List<(string, Entity, Entity)>();
        foreach (var (n, eb) in b.Exports.Items)
        {
            if (!a.Exports.TryGet(n, out var ea)) throw new ValidationError($"missing expected export `{n}`");
            pairs.Add((n, ea, eb));
        }
        foreach (var (n, ea, eb) in pairs)
        {
            try { Check(ea, eb); }
            catch (ValidationError e) { throw e.With($"type mismatch in instance export `{n}`"); }
        }
    }

    public static void Component(ComponentSig a, ComponentSig b)
    {
        // b's imports are handed to a (so a's imported resources map to b's), a's exports (substituted) must then
        // satisfy b's exports (mapping b's defined resources to a's).
        var importMapping = OpenInstance(b.Imports, a, imports: true);
        var aExports = a.Exports.Select(importMapping.Map);
        OpenInstance(aExports, b, imports: false);
    }

    /// <summary>
    /// Checks that the items <paramref name="a"/> satisfy the imports (or exports) of <paramref name="b"/>: first maps
    /// b's imported (defined) resources to the resources found at the same paths in <paramref name="a"/>, then checks
    /// each item against the substituted expected type. Returns the mapping (resources and satisfied type imports).
    /// </summary>
    public static ResourceRemapping OpenInstance(OrderedMap<Entity> a, ComponentSig b, bool imports)
    {
        var entities = imports ? b.Imports : b.Exports;
        var resources = imports ? b.ImportedResources : b.DefinedResources;
        var mapping = new ResourceRemapping();
        foreach (var (resource, path) in resources)
        {
            var (name, ty) = entities.Items[path[0]];
            a.TryGet(name, out var arg);
            bool skip = false;
            for (int k = 1; k < path.Length && !skip; k++)
            {
                var inst = ((InstanceEntity)ty).Type;
                var (n, next) = inst.Exports.Items[path[k]];
                ty = next;
                if (arg is InstanceEntity ai && ai.Type.Exports.TryGet(n, out var na)) arg = na;
                else skip = true;
            }
            if (!skip && arg is TypeEntity { Created: ResourceRef rr }) mapping.Resources[resource] = rr.Resource;
        }
        var toCheck = new List<(Entity Actual, Entity Expected, string Name)>();
        foreach (var (name, expected) in entities.Items)
        {
            if (!a.TryGet(name, out var actual)) throw new ValidationError($"missing {(imports ? "import" : "export")} named `{name}`");
            toCheck.Add((actual, expected, name));
        }
        var typeMap = new Dictionary<AnyType, AnyType>(ReferenceEqualityComparer.Instance);
        foreach (var (actual, expected0, name) in toCheck)
        {
            mapping.ClearCache();
            var expected = mapping.Map(expected0);
            try { Check(actual, expected); }
            catch (ValidationError e) { throw e.With($"type mismatch for {(imports ? "import" : "export")} `{name}`"); }
            RegisterRenamings(actual, expected0, typeMap);
        }
        mapping.ClearCache();
        mapping.Types = typeMap;
        return mapping;
    }

    private static void RegisterRenamings(Entity actual, Entity expected, Dictionary<AnyType, AnyType> map)
    {
        switch (expected, actual)
        {
            case (TypeEntity te, TypeEntity ta):
                map.TryAdd(te.Created, ta.Created);
                break;
            case (InstanceEntity ie, InstanceEntity ia):
                foreach (var (n, e) in ie.Type.Exports.Items)
                    if (ia.Type.Exports.TryGet(n, out var x)) RegisterRenamings(x, e, map);
                break;
        }
    }

    public static void Func(FuncSig a, FuncSig b)
    {
        if (a.IsAsync != b.IsAsync)
            throw new ValidationError($"expected {(b.IsAsync ? "async" : "sync")} function, found {(a.IsAsync ? "async" : "sync")} function");
        if (a.Parameters.Count != b.Parameters.Count)
            throw new ValidationError($"expected {b.Parameters.Count} parameters, found {a.Parameters.Count}");
        for (int i = 0; i < a.Parameters.Count; i++)
        {
            var (an, at) = a.Parameters[i];
            var (bn, bt) = b.Parameters[i];
            if (!string.Equals(an, bn, StringComparison.OrdinalIgnoreCase)) throw new ValidationError($"expected parameter named `{bn}`, found `{an}`");
            try { Val(at, bt); }
            catch (ValidationError e) { throw e.With($"type mismatch in function parameter `{an}`"); }
        }
        switch (a.Result, b.Result)
        {
            case ({ } ra, { } rb):
                try { Val(ra, rb); }
                catch (ValidationError e) { throw e.With("type mismatch with result type"); }
                break;
            case (null, null): break;
            case (not null, null): throw new ValidationError("expected a result, found none");
            default: throw new ValidationError("expected no result, found one");
        }
    }

    public static void Val(CompValType a, CompValType b)
    {
        if (ReferenceEquals(a, b)) return;
        if (a.Kind != b.Kind && !(a.Kind == DefinedKind.FixedList && b.Kind == DefinedKind.List))
        {
            if (a.Kind == DefinedKind.Primitive && b.Kind != DefinedKind.Primitive)
                throw new ValidationError($"expected {b.Desc}, found {a.Desc}");
            if (b.Kind == DefinedKind.Primitive)
                throw new ValidationError($"expected {b.Desc}, found {a.Desc}");
            throw new ValidationError($"expected {b.Desc}, found {a.Desc}");
        }
        switch (a.Kind)
        {
            case DefinedKind.Primitive:
                if (a.Primitive != b.Primitive)
                    throw new ValidationError($"expected primitive `{CompValType.PrimitiveName(b.Primitive)}` found primitive `{CompValType.PrimitiveName(a.Primitive)}`");
                break;
            case DefinedKind.Record:
                if (a.Fields.Count != b.Fields.Count) throw new ValidationError($"expected {b.Fields.Count} fields, found {a.Fields.Count}");
                for (int i = 0; i < a.Fields.Count; i++)
                {
                    if (!string.Equals(a.Fields[i].Name, b.Fields[i].Name, StringComparison.OrdinalIgnoreCase))
                        throw new ValidationError($"expected field name `{b.Fields[i].Name}`, found `{a.Fields[i].Name}`");
                    try { Val(a.Fields[i].Type!, b.Fields[i].Type!); }
                    catch (ValidationError e) { throw e.With($"type mismatch in record field `{a.Fields[i].Name}`"); }
                }
                break;
            case DefinedKind.Variant:
                if (a.Fields.Count != b.Fields.Count) throw new ValidationError($"expected {b.Fields.Count} cases, found {a.Fields.Count}");
                for (int i = 0; i < a.Fields.Count; i++)
                {
                    var (an, at) = a.Fields[i];
                    var (bn, bt) = b.Fields[i];
                    if (!string.Equals(an, bn, StringComparison.OrdinalIgnoreCase)) throw new ValidationError($"expected case named `{bn}`, found `{an}`");
                    switch (at, bt)
                    {
                        case (not null, not null):
                            try { Val(at, bt); }
                            catch (ValidationError e) { throw e.With($"type mismatch in variant case `{an}`"); }
                            break;
                        case (null, null): break;
                        case (null, _): throw new ValidationError($"expected case `{an}` to have a type, found none");
                        default: throw new ValidationError($"expected case `{an}` to have no type");
                    }
                }
                break;
            case DefinedKind.List or DefinedKind.Option:
                if (b.Kind == DefinedKind.FixedList) throw new ValidationError($"expected {b.Desc}, found {a.Desc}");
                Val(a.Elements[0]!, b.Elements[0]!);
                break;
            case DefinedKind.FixedList:
                if (b.Kind != DefinedKind.FixedList) throw new ValidationError($"expected {b.Desc}, found list");
                if (a.Length != b.Length) throw new ValidationError($"expected fixed size {b.Length}, found size {a.Length}");
                Val(a.Elements[0]!, b.Elements[0]!);
                break;
            case DefinedKind.Map:
                try { Val(a.Elements[0]!, b.Elements[0]!); } catch (ValidationError e) { throw e.With("type mismatch in map key"); }
                try { Val(a.Elements[1]!, b.Elements[1]!); } catch (ValidationError e) { throw e.With("type mismatch in map value"); }
                break;
            case DefinedKind.Tuple:
                if (a.Elements.Count != b.Elements.Count) throw new ValidationError($"expected {b.Elements.Count} types, found {a.Elements.Count}");
                for (int i = 0; i < a.Elements.Count; i++)
                {
                    try { Val(a.Elements[i]!, b.Elements[i]!); }
                    catch (ValidationError e) { throw e.With($"type mismatch in tuple field {i}"); }
                }
                break;
            case DefinedKind.Flags or DefinedKind.Enum:
                if (a.Fields.Count != b.Fields.Count || !a.Fields.Select(f => f.Name).SequenceEqual(b.Fields.Select(f => f.Name)))
                    throw new ValidationError($"mismatch in {(a.Kind == DefinedKind.Flags ? "flags" : "enum")} elements");
                break;
            case DefinedKind.Result:
                Optional(a.Elements[0], b.Elements[0], "ok", "type mismatch in ok variant", "expected ok type, but found none", "expected ok type to not be present");
                Optional(a.Elements[1], b.Elements[1], "err", "type mismatch in err variant", "expected err type, but found none", "expected err type to not be present");
                break;
            case DefinedKind.Own or DefinedKind.Borrow:
                if (!ReferenceEquals(a.Resource!.Resource, b.Resource!.Resource)) throw new ValidationError("resource types are not the same");
                break;
            case DefinedKind.Future or DefinedKind.Stream:
                var what = a.Kind == DefinedKind.Future ? "future" : "stream";
                Optional(a.Elements[0], b.Elements[0], what, $"type mismatch in {what}", $"expected {what} type, but found none", $"expected {what} type to not be present");
                break;
        }
    }

    private static void Optional(CompValType? a, CompValType? b, string _, string context, string missing, string extra)
    {
        switch (a, b)
        {
            case (null, null): return;
            case (not null, not null):
                try { Val(a, b); }
                catch (ValidationError e) { throw e.With(context); }
                return;
            case (null, _): throw new ValidationError(missing);
            default: throw new ValidationError(extra);
        }
    }
}

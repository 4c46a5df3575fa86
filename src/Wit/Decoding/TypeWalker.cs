using System.Collections.Generic;
using WitSharp.Wit.Binary;

namespace WitSharp.Wit.Decoding;

/// <summary>
/// Builds the component-level index spaces (<see cref="Scope"/>) of a decoded component body or of a
/// component/instance type, in definition order, so every import and export gets its type. Core index
/// spaces are not tracked: nothing in a WIT world depends on them.
/// </summary>
/// <remarks>Instantiating a nested component with type arguments records, in <see cref="Substitutions"/>,
/// that the nested component's imported type is the argument (wit-component's shim components import
/// their interface's types this way). A nested component instantiated twice with different type
/// arguments keeps the last mapping; wit-component never does that.</remarks>
internal sealed class TypeWalker
{
    /// <summary>Imported type entry of a nested component → the type supplied when it was instantiated.</summary>
    public Dictionary<TypeEntry, TypeEntry> Substitutions { get; } = new();

    /// <summary>Offset of the definition being walked, reported when something unexpected fails.</summary>
    public int CurrentOffset { get; private set; }

    /// <summary>Walks a component body; <see cref="Scope.Imports"/>/<see cref="Scope.Exports"/> hold its type.</summary>
    public Scope WalkComponent(Component component, Scope? parent, int depth)
    {
        if (depth > ComponentDecoder.MaxNesting) throw new WitBinaryException("components nested too deeply", component.Offset);
        var scope = new Scope(parent);
        foreach (var def in component.Definitions)
        {
            CurrentOffset = def.Offset;
            switch (def)
            {
                case NestedComponentDefinition nested:
                    var inner = WalkComponent(nested.Component, scope, depth + 1);
                    scope.Components.Add(new ComponentEntry(nested.Offset, inner.Imports, inner.Exports));
                    break;
                case InstanceDefinition inst:
                    scope.Instances.Add(Instantiate(inst, scope));
                    break;
                case AliasDefinition alias:
                    PushAlias(alias.Alias, scope);
                    break;
                case TypeDefinition type:
                    scope.Types.Add(Entry(type.Type, scope, depth));
                    break;
                case CanonDefinition { Kind: CanonKind.Lift } lift:
                    scope.Funcs.Add(Get(scope.Types, lift.TypeIndex, "type", lift.Offset) as FuncEntry
                        ?? throw new WitBinaryException("canon lift type " + lift.TypeIndex + " is not a function type", lift.Offset));
                    break;
                case ImportDefinition import:
                    AddExtern(scope, scope.Imports, import.Name.Name, import.Type, import.Offset);
                    break;
                case ExportDefinition export:
                    Export(export, scope);
                    break;
            }
        }
        return scope;
    }

    /// <summary>Walks the declarators of a component or instance type.</summary>
    public Scope WalkDeclarations(IReadOnlyList<TypeDeclaration> declarations, Scope parent, int depth)
    {
        if (depth > ComponentDecoder.MaxNesting) throw new WitBinaryException("types nested too deeply", CurrentOffset);
        var scope = new Scope(parent);
        foreach (var d in declarations)
        {
            CurrentOffset = d.Offset;
            switch (d.Kind)
            {
                case TypeDeclarationKind.Type:
                    scope.Types.Add(Entry(d.Type!, scope, depth));
                    break;
                case TypeDeclarationKind.Alias:
                    PushAlias(d.Alias!, scope);
                    break;
                case TypeDeclarationKind.Import:
                    AddExtern(scope, scope.Imports, d.Name!.Name, d.ExternType!, d.Offset);
                    break;
                case TypeDeclarationKind.Export:
                    AddExtern(scope, scope.Exports, d.Name!.Name, d.ExternType!, d.Offset);
                    break;
            }
        }
        return scope;
    }

    private TypeEntry Entry(DefType def, Scope scope, int depth)
    {
        switch (def)
        {
            case DefinedValType v:
                return new ValueEntry(v, scope);
            case FuncType f:
                return new FuncEntry(f, scope);
            case ResourceTypeDef r:
                return new ResourceEntry(r.Offset);
            case ComponentTypeDef c:
                var cs = WalkDeclarations(c.Declarations, scope, depth + 1);
                return new ComponentEntry(c.Offset, cs.Imports, cs.Exports);
            case InstanceTypeDef i:
                var ins = WalkDeclarations(i.Declarations, scope, depth + 1);
                return new InstanceEntry(i.Offset, ins.Exports);
            default:
                throw new WitBinaryException("unsupported type definition " + def.GetType().Name, def.Offset);
        }
    }

    /// <summary>Adds an import or export declared with an <c>externtype</c>: a type bounded by <c>eq</c> is a
    /// new alias entry, <c>(sub resource)</c> a fresh resource; other kinds use the referenced type.</summary>
    private static void AddExtern(Scope scope, Shape shape, string name, ExternType type, int offset)
    {
        if (ExternEntity(scope, type, offset) is not { } e) return;
        scope.Push(e);
        shape.Add(name, e);
    }

    private static Entity? ExternEntity(Scope scope, ExternType type, int offset)
    {
        switch (type.Kind)
        {
            case ExternKind.Type:
                return type.Bound == ExternBound.SubResource
                    ? new Entity(ExternKind.Type, new ResourceEntry(offset))
                    : new Entity(ExternKind.Type, new AliasEntry(offset, Get(scope.Types, type.Index, "type", offset)));
            case ExternKind.Func:
                return new Entity(ExternKind.Func, Get(scope.Types, type.Index, "type", offset) as FuncEntry
                    ?? throw new WitBinaryException("type " + type.Index + " is not a function type", offset));
            case ExternKind.Instance:
                return new Entity(ExternKind.Instance, Get(scope.Types, type.Index, "type", offset) as InstanceEntry
                    ?? throw new WitBinaryException("type " + type.Index + " is not an instance type", offset));
            case ExternKind.Component:
                return new Entity(ExternKind.Component, Get(scope.Types, type.Index, "type", offset) as ComponentEntry
                    ?? throw new WitBinaryException("type " + type.Index + " is not a component type", offset));
            default:
                // Core modules and values are not part of a WIT world.
                return null;
        }
    }

    private static void PushAlias(Alias alias, Scope scope)
    {
        switch (alias.Kind)
        {
            case Binary.AliasKind.InstanceExport:
                // Values and core modules are not tracked (see ExternEntity), so there is nothing to push.
                if (alias.Sort is not (ComponentSort.Func or ComponentSort.Type or ComponentSort.Instance or ComponentSort.Component)) return;
                var instance = Get(scope.Instances, alias.InstanceOrCount, "instance", alias.Offset);
                if (!instance.Exports.TryGet(alias.Name!, out var e))
                    throw new WitBinaryException("instance " + alias.InstanceOrCount + " has no export '" + alias.Name + "'", alias.Offset);
                if (e.Kind != KindOf(alias.Sort, alias.Offset))
                    throw new WitBinaryException("export '" + alias.Name + "' is a " + e.Kind + ", not a " + alias.Sort, alias.Offset);
                scope.Push(e);
                break;
            case Binary.AliasKind.Outer:
                var target = scope;
                for (var i = 0u; i < alias.InstanceOrCount; i++)
                {
                    target = target.Parent ?? throw new WitBinaryException("outer alias count " + alias.InstanceOrCount + " leaves the outermost scope", alias.Offset);
                }
                switch (alias.Sort)
                {
                    case ComponentSort.Type:
                        scope.Types.Add(Get(target.Types, alias.OuterIndex, "type", alias.Offset));
                        break;
                    case ComponentSort.Component:
                        scope.Components.Add(Get(target.Components, alias.OuterIndex, "component", alias.Offset));
                        break;
                }
                break;
        }
    }

    private InstanceEntry Instantiate(InstanceDefinition inst, Scope scope)
    {
        var exports = new Shape();
        if (inst.ComponentIndex is not { } ci)
        {
            foreach (var x in inst.Exports)
            {
                if (ItemEntity(x.Item, scope, inst.Offset) is { } e) exports.Add(x.Name.Name, e);
            }
            return new InstanceEntry(inst.Offset, exports);
        }

        var component = Get(scope.Components, ci, "component", inst.Offset);
        foreach (var arg in inst.Arguments)
        {
            if (!component.Imports.TryGet(arg.Name, out var imported)) continue;
            if (ItemEntity(arg.Item, scope, inst.Offset) is { } supplied) Substitute(imported, supplied);
        }
        return new InstanceEntry(inst.Offset, component.Exports);
    }

    /// <summary>Records that what a nested component imported is what the instantiation supplied, for types
    /// and, through instances, for the types those instances export.</summary>
    private void Substitute(Entity imported, Entity supplied)
    {
        if (imported.Kind == ExternKind.Type && supplied.Kind == ExternKind.Type)
        {
            Substitutions[imported.Type] = supplied.Type;
        }
        else if (imported.Type is InstanceEntry want && supplied.Type is InstanceEntry have && !ReferenceEquals(want, have))
        {
            foreach (var kv in want.Exports.Items)
            {
                if (have.Exports.TryGet(kv.Key, out var s)) Substitute(kv.Value, s);
            }
        }
    }

    private static void Export(ExportDefinition export, Scope scope)
    {
        Entity? e;
        if (export.Type is { } ascribed)
        {
            e = ExternEntity(scope, ascribed, export.Offset);
        }
        else if (export.Item.Sort == ComponentSort.Type)
        {
            // An un-ascribed type export is still a new name for the type (wasmparser "created" id).
            e = new Entity(ExternKind.Type, new AliasEntry(export.Offset, Get(scope.Types, export.Item.Index, "type", export.Offset)));
        }
        else
        {
            e = ItemEntity(export.Item, scope, export.Offset);
        }
        if (e is not { } entity) return;
        scope.Push(entity);
        scope.Exports.Add(export.Name.Name, entity);
    }

    private static Entity? ItemEntity(SortIndex item, Scope scope, int offset) => item.Sort switch
    {
        ComponentSort.Func => new Entity(ExternKind.Func, Get(scope.Funcs, item.Index, "function", offset)),
        ComponentSort.Type => new Entity(ExternKind.Type, Get(scope.Types, item.Index, "type", offset)),
        ComponentSort.Instance => new Entity(ExternKind.Instance, Get(scope.Instances, item.Index, "instance", offset)),
        ComponentSort.Component => new Entity(ExternKind.Component, Get(scope.Components, item.Index, "component", offset)),
        _ => null,
    };

    private static ExternKind KindOf(ComponentSort sort, int offset) => sort switch
    {
        ComponentSort.Func => ExternKind.Func,
        ComponentSort.Type => ExternKind.Type,
        ComponentSort.Instance => ExternKind.Instance,
        ComponentSort.Component => ExternKind.Component,
        ComponentSort.Value => ExternKind.Value,
        ComponentSort.CoreModule => ExternKind.CoreModule,
        _ => throw new WitBinaryException("cannot alias a " + sort + " out of a component instance", offset),
    };

    internal static T Get<T>(List<T> space, uint index, string what, int offset) =>
        index < (uint)space.Count ? space[(int)index] : throw new WitBinaryException(what + " index " + index + " out of bounds (" + space.Count + " defined)", offset);
}

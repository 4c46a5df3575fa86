using WitSharp.Wit.Binary;

namespace WitSharp.Components.Validation;

internal sealed partial class ValidationState
{
    public void AddImport(ExternName name, Entity entity)
    {
        entity = AddEntity(entity, name.Name, isImport: true);
        ValidateExtern(name, isImport: true, entity, _importKeys, Imports, _importedResourceNames, _importedResourceNameSet, NestedNames);
    }

    public void AddExport(ExternName name, Entity entity)
    {
        entity = AddEntity(entity, name.Name, isImport: false);
        ValidateExtern(name, isImport: false, entity, _exportKeys, Exports, _exportedResourceNames, _exportedResourceNameSet, NestedNames);
    }

    /// <summary>Checks an import/export name against its item (Binary.md "Import and Export Definitions"): a valid
    /// extern name, strongly unique among the imports (or exports), with annotation rules for resource functions.</summary>
    public static void ValidateExtern(
        ExternName name, bool isImport, Entity entity, Dictionary<string, string> keys, OrderedMap<Entity> items,
        Dictionary<Resource, string> resourceNames, HashSet<string> resourceNameSet, bool nestedNames)
    {
        var kind = isImport ? "import" : "export";
        ParsedName parsed;
        try { parsed = ExternNames.Parse(name.Name, nestedNames); }
        catch (ValidationError e) { throw e.With($"{kind} name `{name.Name}` is not a valid extern name"); }
        if (!isImport && parsed.Kind is ExternNameKind.Url or ExternNameKind.Hash or ExternNameKind.Dependency)
            throw new ValidationError($"name `{name.Name}` is not a valid export name");
        if (name.VersionSuffix is { } suffix)
        {
            if (entity is not InstanceEntity) throw new ValidationError("only instances can have an `versionsuffix`");
            if (suffix.Length == 0) throw new ValidationError("version suffix cannot be empty");
            if (name.Implements is null && parsed.Kind != ExternNameKind.Interface)
                throw new ValidationError("`versionsuffix` requires an interface name or `implements`");
        }
        if (name.Implements is { } impl)
        {
            if (parsed.Kind != ExternNameKind.Plain || parsed.Func != ResourceFuncKind.None)
                throw new ValidationError($"name `{name.Name}` is not valid with `implements`");
            if (entity is not InstanceEntity) throw new ValidationError("only instances can have an `implements`");
            ParsedName implParsed;
            try { implParsed = ExternNames.Parse(impl, nestedNames); }
            catch (ValidationError e) { throw e.With($"`{impl}` is not a valid name"); }
            if (implParsed.Kind != ExternNameKind.Interface) throw new ValidationError($"name `{impl}` must be an interface");
            CheckVersion(implParsed, name.VersionSuffix);
        }
        try { ValidateAnnotations(parsed, name.VersionSuffix, entity, resourceNames, resourceNameSet); }
        catch (ValidationError e) { throw e.With($"{kind} name `{name.Name}` is not valid"); }

        if (keys.TryGetValue(parsed.Key, out var prev))
            throw new ValidationError($"{kind} name `{name.Name}` conflicts with previous name `{prev}`");
        keys[parsed.Key] = name.Name;
        if (!items.Add(name.Name, entity))
            throw new ValidationError($"{kind} name `{name.Name}` conflicts with previous name `{name.Name}`");
    }

    private static void CheckVersion(ParsedName parsed, string? suffix)
    {
        if (suffix is null) return;
        if (parsed.Version is not { } v || !ExternNames.IsCanonVersion(v))
            throw new ValidationError("invalid interface version: `versionsuffix` requires a canonical interface version");
        try { ExternNames.Semver(v + suffix); }
        catch (ValidationError e) { throw new ValidationError("invalid interface version: " + e.Message); }
    }

    private static void ValidateAnnotations(
        ParsedName name, string? suffix, Entity entity, Dictionary<Resource, string> resourceNames, HashSet<string> resourceNameSet)
    {
        if (name.Kind == ExternNameKind.Interface)
        {
            CheckVersion(name, suffix);
            return;
        }
        if (name.Kind != ExternNameKind.Plain) return;
        FuncSig Func() => entity is FuncEntity f ? f.Type : throw new ValidationError("item is not a func");
        switch (name.Func)
        {
            case ResourceFuncKind.Constructor:
            {
                var f = Func();
                if (f.IsAsync) throw new ValidationError("constructor function cannot be async");
                var r = f.Result ?? throw new ValidationError("function should return one value");
                ResourceRef? res = r.Kind switch
                {
                    DefinedKind.Own => r.Resource,
                    DefinedKind.Result when r.Elements[0] is { Kind: DefinedKind.Own } ok => ok.Resource,
                    _ => null,
                };
                if (res is null) throw new ValidationError("function should return `(own $T)` or `(result (own $T))`");
                ResourceName(res.Resource, name.Resource!, resourceNames);
                break;
            }
            case ResourceFuncKind.Method:
            {
                var f = Func();
                if (f.Parameters.Count == 0) throw new ValidationError("function should have at least one argument");
                var (pn, pt) = f.Parameters[0];
                if (pn != "self") throw new ValidationError("function should have a first argument called `self`");
                if (pt.Kind != DefinedKind.Borrow) throw new ValidationError("function should take a first argument of `(borrow $T)`");
                ResourceName(pt.Resource!.Resource, name.Resource!, resourceNames);
                break;
            }
            case ResourceFuncKind.Static:
                Func();
                if (!resourceNameSet.Contains(name.Resource!)) throw new ValidationError("static resource name is not known in this context");
                break;
        }
    }

    private static void ResourceName(Resource r, string expected, Dictionary<Resource, string> names)
    {
        if (!names.TryGetValue(r, out var actual)) throw new ValidationError("resource used in function does not have a name in this context");
        if (actual != expected) throw new ValidationError($"function does not match expected resource name `{actual}`");
    }

    /// <summary>Ends a component or component type: its type, with the resources its exports mention (Binary.md; wasm-tools <c>finish</c>).</summary>
    public ComponentSig Finish()
    {
        var free = new HashSet<Resource>();
        foreach (var (_, e) in Imports.Items) TypeWalk.FreeResources(e, free);
        foreach (var r in DefinedResources)
            if (free.Contains(r)) throw new ValidationError("local resource type found in imports");
        free.Clear();
        foreach (var (_, e) in Exports.Items) TypeWalk.FreeResources(e, free);
        var defined = new List<(Resource, int[])>();
        foreach (var r in DefinedResources)
        {
            if (!free.Contains(r)) continue;
            if (!ExplicitResources.TryGetValue(r, out var path))
                throw new ValidationError("local resource type found in export but not exported itself");
            defined.Add((r, path));
        }
        return new ComponentSig
        {
            Imports = Imports,
            Exports = Exports,
            ImportedResources = [.. ImportedResources],
            DefinedResources = defined,
            ExplicitResources = new Dictionary<Resource, int[]>(ExplicitResources),
        };
    }

    /// <summary>Ends an instance type.</summary>
    public InstanceSig FinishInstance() => new()
    {
        Exports = Exports,
        DefinedResources = [.. DefinedResources],
        ExplicitResources = new Dictionary<Resource, int[]>(ExplicitResources),
    };
}

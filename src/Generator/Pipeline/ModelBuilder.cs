using System;
using System.Collections.Generic;
using System.Linq;
using WitSharp.Generator.Diagnostics;
using WitSharp.Generator.Model;
using WitSharp.Generator.Naming;
using WitSharp.Wit;

namespace WitSharp.Generator.Pipeline;

/// <summary>Turns one resolved WIT world into the C#-shaped <see cref="WorldModel"/>: decides every generated
/// name and namespace (docs/type-mapping.md "Where things go") and renders every type use.</summary>
internal sealed partial class ModelBuilder
{
    private static readonly string[] s_objectMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" };
    private static readonly string[] s_recordMembers = { "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "Deconstruct", "EqualityContract", "PrintMembers" };

    private readonly Resolve _resolve;
    private readonly ComponentRequest _request;
    private readonly WitWorld _world;
    private readonly string _root;
    private readonly bool _exceptions;
    private readonly TypeRenderer _renderer;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly HashSet<int> _exportedInterfaces = new();
    private readonly HashSet<string> _multiVersionPackages = new(StringComparer.Ordinal);
    private readonly List<Container> _containers = new();
    private readonly Dictionary<long, Container> _containerIndex = new();
    private readonly Dictionary<long, string> _declaredNames = new();
    private readonly Container _worldContainer;
    private string _context = string.Empty;

    private ModelBuilder(Resolve resolve, int worldId, ComponentRequest request)
    {
        _resolve = resolve;
        _request = request;
        _world = resolve.Worlds[worldId];
        _root = string.IsNullOrWhiteSpace(request.RootNamespace) ? request.Class.Namespace : request.RootNamespace!.Trim();
        _exceptions = request.ErrorMode == 1;
        _renderer = new TypeRenderer(resolve) { DeclaredName = DeclaredName, OnUnsupported = what => Report(Descriptors.Unsupported, what, _context) };

        var classPath = "global::" + request.Class.FullName;
        _worldContainer = new Container(-1, false, classPath, WorldQualifiedName(), new NameScope(WorldMembers(request.Class.Name)));
    }

    public static ModelResult Build(Resolve resolve, int worldId, ComponentRequest request)
    {
        var builder = new ModelBuilder(resolve, worldId, request);
        var model = builder.BuildWorld();
        return new ModelResult(model, builder._diagnostics.ToEquatableArray());
    }

    private WorldModel BuildWorld()
    {
        FindMultiVersionPackages();
        foreach (var item in _world.Exports.Values)
        {
            if (item.Kind == WorldItemKind.Interface) _exportedInterfaces.Add(item.Id);
        }

        // Declare every world-level type first (they are nested in the class), then every interface's types,
        // so names are fixed before any type use is rendered.
        foreach (var item in _world.Imports.Values)
        {
            if (item.Kind == WorldItemKind.Type) DeclareType(_worldContainer, item.Id);
        }
        foreach (var entry in _world.Imports)
        {
            if (entry.Value.Kind == WorldItemKind.Interface) GetContainer(entry.Value.Id, export: false, entry.Key);
        }
        foreach (var entry in _world.Exports)
        {
            if (entry.Value.Kind == WorldItemKind.Interface) GetContainer(entry.Value.Id, export: true, entry.Key);
        }

        var worldTypes = BuildTypes(_worldContainer, _world.Imports.Values.Where(i => i.Kind == WorldItemKind.Type).Select(i => i.Id),
            _world.Imports.Values.Where(i => i.Kind == WorldItemKind.Function).Select(i => i.Function!));
        var imports = BuildFunctions(_worldContainer, "IImports",
            "Functions the host provides to the world `" + WorldQualifiedName() + "` (its imported functions).",
            _world.Imports.Values.Where(i => i.Kind == WorldItemKind.Function).Select(i => i.Function!));
        // World-level exports become methods of the attributed class, so they share its member names.
        var exportContainer = new Container(-1, true, _worldContainer.Path, _worldContainer.WitName, new NameScope());
        var exports = BuildFunctions(exportContainer, "IExports",
            "Functions the world `" + WorldQualifiedName() + "` exports, as the component provides them.",
            _world.Exports.Values.Where(i => i.Kind == WorldItemKind.Function).Select(i => i.Function!), _worldContainer.Scope);

        // Containers may be added while building (an interface reached only through a type use), so index.
        var containers = new List<ContainerModel>();
        var built = new Dictionary<Container, ContainerModel>();
        for (var i = 0; i < _containers.Count; i++)
        {
            var model = BuildContainer(_containers[i]);
            containers.Add(model);
            built[_containers[i]] = model;
        }

        var importedInterfaces = new List<InterfaceBinding>();
        foreach (var entry in _world.Imports)
        {
            if (entry.Value.Kind != WorldItemKind.Interface) continue;
            // Types-only interfaces too: the linker must define every imported instance, even an empty one.
            importedInterfaces.Add(Binding(entry.Key, built[_containerIndex[Key(entry.Value.Id, false)]], string.Empty));
        }
        var exportedInterfaces = new List<InterfaceBinding>();
        foreach (var entry in _world.Exports)
        {
            if (entry.Value.Kind != WorldItemKind.Interface) continue;
            var m = built[_containerIndex[Key(entry.Value.Id, true)]];
            var iface = _resolve.Interfaces[entry.Value.Id];
            var property = _worldContainer.Scope.Claim(KeyName(entry.Key), NameMangler.Pascal(iface.Name ?? (entry.Key.IsName ? entry.Key.Name! : "interface")));
            exportedInterfaces.Add(Binding(entry.Key, m, property));
        }
        var bases = importedInterfaces.Where(b => b.Interface is not null).Select(b => b.Interface!).Distinct(StringComparer.Ordinal).ToEquatableArray();
        if (bases.Count > 0)
        {
            // A world-level function with the signature of an imported interface's function hides it (`new`, CS0108).
            var inherited = new HashSet<string>(importedInterfaces.SelectMany(b => b.Methods).Select(Signature), StringComparer.Ordinal);
            imports = imports is null
                ? new FunctionsModel("IImports", "Everything the host provides to the world `" + WorldQualifiedName() + "`: the functions of every imported interface.", EquatableArray<MethodModel>.Empty) { Bases = bases }
                : imports with { Bases = bases, Methods = imports.Methods.Select(m => inherited.Contains(Signature(m)) ? m with { Hides = true } : m).ToEquatableArray() };
        }

        // `namespace App.Wasi.Io` cannot coexist with a top-level class `App.Wasi` (CS0101 in generated code).
        if (_request.Class.Containing.Count == 0)
        {
            var classPath = (_request.Class.Namespace.Length == 0 ? string.Empty : _request.Class.Namespace + ".") + _request.Class.Name;
            foreach (var c in containers)
            {
                if (c.Namespace == classPath || c.Namespace.StartsWith(classPath + ".", StringComparison.Ordinal))
                {
                    Report(Descriptors.NamespaceCollision, c.Namespace, c.WitName, _request.Class.Name);
                    break;
                }
            }
        }

        return new WorldModel(
            _request.Class,
            WorldQualifiedName(),
            DocsOr(_world.Docs, "Bindings for the WIT world `" + WorldQualifiedName() + "`."),
            worldTypes.ToEquatableArray(),
            imports,
            exports,
            containers.OrderBy(c => c.Namespace, StringComparer.Ordinal).ToEquatableArray(),
            _world.Imports.Where(e => e.Value.Kind != WorldItemKind.Type).Select(e => KeyName(e.Key)).ToEquatableArray(),
            _world.Exports.Select(e => KeyName(e.Key)).ToEquatableArray())
        {
            ImportedInterfaces = importedInterfaces.ToEquatableArray(),
            ExportedInterfaces = exportedInterfaces.ToEquatableArray(),
            HasRuntime = !_request.Class.Keyword.StartsWith("static ", StringComparison.Ordinal),
        };
    }

    private static string Signature(MethodModel m) => m.Name + "(" + string.Join(",", m.Params.Select(p => p.Type)) + ")";

    private InterfaceBinding Binding(WorldKey key, ContainerModel m, string property) =>
        new(KeyName(key), "global::" + m.Namespace, m.Functions is { } f ? "global::" + m.Namespace + "." + f.Name : null, property,
            m.Functions?.Methods ?? EquatableArray<MethodModel>.Empty);

    /// <summary>Members the generated runtime wiring puts on the attributed class (docs/type-mapping.md
    /// "The world class"); WIT names that mangle to one of them are renamed.</summary>
    private static string[] WorldMembers(string className) =>
        new[] { className, "WorldName", "IImports", "IExports", "Instantiate", "Load", "Pre", "AddToLinker", "Instance", "Dispose", "CheckComponent" };

    private ContainerModel BuildContainer(Container c)
    {
        var iface = _resolve.Interfaces[c.InterfaceId];
        var types = BuildTypes(c, iface.Types.Values, iface.Functions.Values);
        var shortName = NameMangler.Pascal(iface.Name ?? c.KeyName ?? "interface");
        var functionsName = "I" + shortName;
        if (c.Scope.IsTaken(functionsName)) functionsName += c.IsExport ? "Exports" : "Host";
        var docs = DocsOr(iface.Docs, (c.IsExport ? "The exported" : "The imported") + " interface `" + c.WitName + "`.");
        var functions = BuildFunctions(c, functionsName, docs, iface.Functions.Values);
        return new ContainerModel(c.Path.Substring("global::".Length), c.WitName, c.IsExport, types.ToEquatableArray(), functions);
    }

    private string WorldQualifiedName()
    {
        if (_world.Package is not int p) return _world.Name;
        var name = _resolve.Packages[p].Name;
        var s = name.Namespace + ":" + name.Name + "/" + _world.Name;
        return name.Version is null ? s : s + "@" + name.Version;
    }

    private string KeyName(WorldKey key) => key.IsName ? key.Name! : _resolve.InterfaceQualifiedName(key.InterfaceId) ?? "interface";

    // wasmtime's bindgen puts a version in module paths only when two versions of one package meet; same here.
    private void FindMultiVersionPackages()
    {
        foreach (var group in _resolve.Packages.GroupBy(p => p.Name.Namespace + ":" + p.Name.Name, StringComparer.Ordinal))
        {
            if (group.Select(p => p.Name.Version).Distinct(StringComparer.Ordinal).Count() > 1) _multiVersionPackages.Add(group.Key);
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] args)
    {
        var key = descriptor.Id + "|" + string.Join("|", args);
        if (_reported.Add(key)) _diagnostics.Add(DiagnosticInfo.Create(descriptor, _request.Location, args));
    }

    // One long per (id, side) key: dictionaries over value tuples cost JIT time on every cold build.
    private static long Key(int id, bool export) => ((long)id << 1) | (export ? 1L : 0L);

    private static string DocsOr(Docs docs, string fallback) =>
        string.IsNullOrWhiteSpace(docs.Contents) ? fallback : docs.Contents!.Trim();

    /// <summary>Docs plus the item's feature gate (WIT.md "Feature Gates"), so a C# user sees deprecations.
    /// Not [Obsolete]: generated code referring to the item would then warn in the user's build.</summary>
    private static string DocsOr(Docs docs, Stability stability, string fallback)
    {
        var text = DocsOr(docs, fallback);
        if (stability.Deprecated is { } deprecated) text += "\n\nDeprecated since version " + deprecated + ".";
        if (stability.Kind == StabilityKind.Unstable && stability.Feature is { } feature) text += "\n\nUnstable: behind the WIT feature `" + feature + "`.";
        return text;
    }

    /// <summary>The generated home of one WIT interface on one side (imports or exports).</summary>
    private sealed class Container
    {
        public Container(int interfaceId, bool isExport, string path, string witName, NameScope scope)
        {
            InterfaceId = interfaceId;
            IsExport = isExport;
            Path = path;
            WitName = witName;
            Scope = scope;
        }

        public int InterfaceId { get; }

        public bool IsExport { get; }

        /// <summary><c>global::</c>-qualified namespace (or class, for the world).</summary>
        public string Path { get; }

        public string WitName { get; }

        public NameScope Scope { get; }

        public string? KeyName { get; set; }
    }
}

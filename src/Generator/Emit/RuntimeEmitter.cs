using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Emit;

/// <summary>Writes the runtime half of a world class (DESIGN.md "Generator"): <c>Instantiate</c>, <c>Pre</c>,
/// <c>Load</c> for an embedded component, export methods and exported-interface properties bound to functions
/// resolved once per instance, and <c>AddToLinker</c> wiring an <c>IImports</c> implementation into a
/// <c>ComponentLinker</c>. Values cross through the runtime's typed path: exports are <c>TypedComponentFunction</c>s,
/// imports typed <c>DefineFunction</c>s, generated records and variants implement <c>IComponentType&lt;T&gt;</c>
/// (<see cref="MarshalEmitter"/>) and resource handles are converted at the boundary (<see cref="HandleConversions"/>).
/// Only signatures the typed path cannot carry (handles inside records or variants, maps, async types) fall back to
/// the dynamic <c>ComponentValue</c> path (<see cref="ValueConversions"/>).</summary>
internal sealed class RuntimeEmitter
{
    private const string Components = "global::WitSharp.Components.";
    private const string Bindings = "global::WitSharp.ComponentBindings";
    private const string Exports = "global::WitSharp.ComponentExportBindings";
    private const string Index = Components + "ComponentExportIndex";

    private readonly WorldModel _model;
    private readonly ValueConversions _values;
    private readonly TypeCatalog _catalog;
    private readonly HandleConversions _handles;
    private readonly string _self;

    private RuntimeEmitter(WorldModel model, TypeCatalog catalog)
    {
        _model = model;
        _catalog = catalog;
        _values = new ValueConversions(catalog.Declared);
        _handles = new HandleConversions(catalog, _values.ResourceClass);
        _self = model.Class.Name;
        _slots = new Slots(model, this);
    }

    private readonly Slots _slots;

    /// <summary>Where each export's index lives in the array <c>__Resolve</c> fills once per component: world
    /// functions first, then per exported interface its instance, its functions and its resources' functions.</summary>
    private sealed class Slots
    {
        public Slots(WorldModel model, RuntimeEmitter emitter)
        {
            var next = 0;
            foreach (var _ in model.Exports?.Methods ?? EquatableArray<MethodModel>.Empty) World.Add(next++);
            foreach (var b in model.ExportedInterfaces.Where(b => b.Interface is not null))
            {
                Interfaces.Add(next++);
                Functions.Add(b.Methods.Select(_ => next++).ToList());
                Methods.Add(emitter.ResourcesOf(b, TypeShape.ExportedResource).SelectMany(r => r.Methods).Select(_ => next++).ToList());
            }
            Count = next;
        }

        public List<int> World { get; } = new();

        public List<int> Interfaces { get; } = new();

        public List<List<int>> Functions { get; } = new();

        public List<List<int>> Methods { get; } = new();

        public int Count { get; }
    }

    /// <summary>The base list the world class gets when it carries runtime members.</summary>
    public static string BaseList(WorldModel model) =>
        " : global::System.IDisposable" + (model.Exports is not null ? ", global::" + model.Class.FullName + ".IExports" : string.Empty);

    public static void Emit(SourceWriter w, WorldModel model, TypeCatalog catalog) => new RuntimeEmitter(model, catalog).Write(w);

    private void Write(SourceWriter w)
    {
        var exportFunctions = _model.Exports?.Methods ?? EquatableArray<MethodModel>.Empty;
        var exportedInterfaces = _model.ExportedInterfaces.Where(b => b.Interface is not null).ToList();

        w.Line();
        w.Line("private static readonly string[] __exports = { " + string.Join(", ", _model.ExportNames.Select(SourceWriter.Literal)) + " };");
        for (var i = 0; i < exportFunctions.Count; i++) w.Line("private readonly " + FieldType(exportFunctions[i]) + " __export" + i + ";");
        w.Line("private bool __disposed;");
        w.Line();
        w.Line("private readonly " + Components + "ComponentInstance __instance;");
        w.Line("private readonly global::WitSharp.Store __store;");
        w.Line("private readonly " + ValueConversions.ContextClass + " __cx;");
        for (var i = 0; i < exportedInterfaces.Count; i++) w.Line("private readonly __Export" + i + " __e" + i + ";");
        if (HasAddToLinker)
        {
            // The handle table AddToLinker made for a linker: host objects the host passes into exports enter the
            // same table the imported resources' destructors delete from.
            w.Line("private static readonly global::System.Runtime.CompilerServices.ConditionalWeakTable<" + Components + "ComponentLinker, " + Components + "ResourceTable> __tables = new();");
        }
        w.Line();
        w.Open("private " + _self + "(global::WitSharp.Store store, " + Components + "ComponentInstance instance, " + Index + "[] indices, " + Components + "ResourceTable? table)");
        w.Line("__store = store;");
        w.Line("__instance = instance;");
        w.Line("__cx = new " + ValueConversions.ContextClass + "(this, table);");
        for (var i = 0; i < exportFunctions.Count; i++) w.Line("__export" + i + " = " + Bind(exportFunctions[i], _slots.World[i]) + ";");
        for (var i = 0; i < exportedInterfaces.Count; i++) w.Line("__e" + i + " = new __Export" + i + "(this, instance, indices);");
        w.Close();

        w.Line();
        w.Summary("The component instance these bindings call.");
        w.Line("public " + Components + "ComponentInstance Instance => __disposed ? throw new global::System.ObjectDisposedException(GetType().Name) : __instance;");

        w.Line();
        w.Summary("Instantiates a component implementing `" + _model.WorldName + "` with the imports defined in a linker (see AddToLinker) and binds its exports.");
        w.DocTag("param", " name=\"store\"", "The store the instance lives in; the bindings are bound to it and, like it, used by one thread at a time.");
        w.DocTag("param", " name=\"component\"", "The compiled component.");
        w.DocTag("param", " name=\"linker\"", "A linker defining everything the component imports.");
        w.DocTag("exception", " cref=\"global::WitSharp.ComponentBindingException\"", "The component does not export what the world declares.");
        w.Line("public static " + _self + " Instantiate(global::WitSharp.Store store, " + Components + "Component component, " + Components + "ComponentLinker linker) =>");
        w.Line("    new Pre(component, linker).Instantiate(store);");

        w.Line();
        w.Summary("Checks that a component exports everything the world `" + _model.WorldName + "` declares.");
        w.DocTag("param", " name=\"component\"", "The compiled component.");
        w.DocTag("exception", " cref=\"global::WitSharp.ComponentBindingException\"", "An export is missing.");
        w.Line("public static void CheckComponent(" + Components + "Component component) => " + Bindings + ".CheckExports(component, WorldName, __exports);");

        if (_model.EmbeddedResource is { } resource)
        {
            w.Line();
            w.Summary("Compiles the component embedded in this assembly by the build (its <WasmComponent> item) and checks that it matches these bindings.");
            w.DocTag("param", " name=\"engine\"", "The engine to compile it with.");
            w.DocTag("exception", " cref=\"global::WitSharp.ComponentBindingException\"", "The embedded component does not match the bindings.");
            w.Open("public static " + Components + "Component Load(global::WitSharp.Engine engine)");
            w.Line("var component = " + Bindings + ".LoadEmbedded(engine, typeof(" + _self + ").Assembly, " + SourceWriter.Literal(resource) + ", WorldName, __exports);");
            w.Line("_ = __Resolve(component);");
            w.Line("return component;");
            w.Close();
        }

        WriteResolve(w, exportFunctions, exportedInterfaces);
        WritePre(w);
        WriteAddToLinker(w);

        w.Line();
        w.Summary("Stops these bindings: later calls raise ObjectDisposedException.");
        w.Line("public void Dispose() => __disposed = true;");

        for (var i = 0; i < exportFunctions.Count; i++)
        {
            w.Line();
            WriteExportMethod(w, exportFunctions[i], "__export" + i, "__disposed", "__cx", null);
        }

        for (var i = 0; i < exportedInterfaces.Count; i++)
        {
            var b = exportedInterfaces[i];
            w.Line();
            w.Summary("The exported interface `" + b.InstanceName + "`.");
            w.Line("public " + b.Interface + " " + b.Property + " => __e" + i + ";");
        }
        for (var i = 0; i < exportedInterfaces.Count; i++) WriteExportClass(w, i, exportedInterfaces[i]);

        WriteContext(w);
        if (!_handles.IsEmpty) _handles.Write(w);
        if (!_values.IsEmpty) _values.Write(w);
    }

    private void WritePre(SourceWriter w)
    {
        w.Line();
        w.Summary("A component checked against the world `" + _model.WorldName + "` together with the linker that provides its imports: instantiate it many times with the export lookups prepared once.");
        w.Open("public sealed class Pre");
        w.Line("private readonly " + Components + "ComponentLinker _linker;");
        w.Line("private readonly " + Index + "[] _indices;");
        w.Line("private readonly " + Components + "ResourceTable? _table;");
        w.Line();
        w.Summary("Checks the component's exports, resolves their indices once and keeps the linker.");
        w.DocTag("param", " name=\"component\"", "The compiled component.");
        w.DocTag("param", " name=\"linker\"", "A linker defining everything the component imports.");
        w.DocTag("exception", " cref=\"global::WitSharp.ComponentBindingException\"", "The component does not export what the world declares.");
        w.Open("public Pre(" + Components + "Component component, " + Components + "ComponentLinker linker)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(component);");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(linker);");
        w.Line("CheckComponent(component);");
        w.Line("_indices = __Resolve(component);");
        w.Line(HasAddToLinker ? "_table = __tables.TryGetValue(linker, out var table) ? table : null;" : "_table = null;");
        w.Line("Component = component;");
        w.Line("_linker = linker;");
        w.Close();
        w.Line();
        w.Summary("The component.");
        w.Line("public " + Components + "Component Component { get; }");
        w.Line();
        w.Summary("Instantiates the component in a store and binds its exports.");
        w.DocTag("param", " name=\"store\"", "The store the instance lives in.");
        w.Line("public " + _self + " Instantiate(global::WitSharp.Store store) => new " + _self + "(store, _linker.Instantiate(store, Component), _indices, _table);");
        w.Close();
    }

    private bool HasAddToLinker => _model.Imports is not null || _model.ImportedInterfaces.Count > 0;

    private void WriteAddToLinker(SourceWriter w)
    {
        var imports = _model.Imports;
        if (imports is null && _model.ImportedInterfaces.Count == 0) return;
        w.Line();
        if (imports is null)
        {
            // Only types are imported: the instances must still exist in the linker, with nothing to implement.
            w.Summary("Defines the interfaces the world `" + _model.WorldName + "` imports (types only) in a linker.");
            w.DocTag("param", " name=\"linker\"", "The linker to define the imports in.");
            w.Open("public static void AddToLinker(" + Components + "ComponentLinker linker)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(linker);");
        }
        else
        {
            w.Summary("Defines everything the world `" + _model.WorldName + "` imports in a linker, implemented by a host object.");
            w.DocTag("param", " name=\"linker\"", "The linker to define the imports in.");
            w.DocTag("param", " name=\"host\"", "The host's implementation of the imports.");
            w.Open("public static void AddToLinker(" + Components + "ComponentLinker linker, IImports host)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(linker);");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(host);");
        }
        w.Line("var root = linker.Root();");
        // One handle table for the host objects handed to the component (CanonicalABI.md "Handle types").
        w.Line("var cx = new " + ValueConversions.ContextClass + "(null, __tables.GetValue(linker, _ => new " + Components + "ResourceTable()));");
        if (imports is not null)
        {
            foreach (var m in imports.Methods) WriteImport(w, "root", "host", m);
        }
        foreach (var t in _model.Types.Where(t => t.Shape == TypeShape.ImportedResource)) WriteImportedResource(w, "root", "global::" + _model.Class.FullName + "." + t.Name, t);
        for (var i = 0; i < _model.ImportedInterfaces.Count; i++)
        {
            var b = _model.ImportedInterfaces[i];
            var resources = ResourcesOf(b, TypeShape.ImportedResource);
            if (b.Methods.Count == 0 && resources.Count == 0)
            {
                w.Line("root.AddInstance(" + SourceWriter.Literal(b.InstanceName) + ");");
                continue;
            }
            w.Open(string.Empty);
            if (b.Methods.Count > 0) w.Line(b.Interface + " h = host;");
            w.Line("var instance = root.AddInstance(" + SourceWriter.Literal(b.InstanceName) + ");");
            foreach (var r in resources) WriteImportedResource(w, "instance", b.Namespace + "." + r.Name, r);
            foreach (var m in b.Methods) WriteImport(w, "instance", "h", m);
            w.Close();
        }
        w.Close();
    }

    /// <summary>An imported resource: the host's objects implement its interface and live in the handle table;
    /// the component's last drop disposes them.</summary>
    private void WriteImportedResource(SourceWriter w, string instance, string csType, TypeModel r)
    {
        w.Line(instance + ".DefineResource(" + SourceWriter.Literal(r.WitName) + ", " + Components + "ResourceType.Host<" + csType + ">(), rep => cx.Table!.Delete<" + csType + ">(rep).Dispose());");
        foreach (var m in r.Methods)
        {
            if (IsTyped(m)) WriteTypedImport(w, instance, null, m, csType);
            else WriteImport(w, instance, "cx.Table!.Get<" + csType + ">(args[0].AsResource().Rep)", m, 1);
        }
    }

    private void WriteImport(SourceWriter w, string instance, string host, MethodModel m, int first = 0)
    {
        if (first == 0 && IsTyped(m))
        {
            WriteTypedImport(w, instance, host, m, null);
            return;
        }
        w.Open(instance + ".DefineFunction(" + SourceWriter.Literal(m.WitName) + ", (args, results) =>");
        var args = string.Join(", ", m.Params.Select((p, k) => _values.Lift(p.Ref, "args[" + (k + first).ToString(CultureInfo.InvariantCulture) + "]")));
        var call = host + "." + m.Name + "(" + args + ")";
        if (m.Result is not { } result)
        {
            w.Line(call + ";");
        }
        else if (m.ErrorType is not null)
        {
            // Exceptions mode: the host returns the ok payload or throws ResultException<E> for the error case.
            w.Open("try");
            if (result.Args[0].Kind == RefKind.Unit)
            {
                w.Line(call + ";");
                w.Line("results[0] = global::WitSharp.Components.ComponentValue.Ok();");
            }
            else
            {
                w.Line("results[0] = global::WitSharp.Components.ComponentValue.Ok(" + _values.Lower(result.Args[0], call) + ");");
            }
            w.Close();
            w.Open("catch (global::WitSharp.ResultException<" + m.ErrorType + ">" + (result.Args[1].Kind == RefKind.Unit ? ")" : " e)"));
            w.Line(result.Args[1].Kind == RefKind.Unit
                ? "results[0] = global::WitSharp.Components.ComponentValue.Err();"
                : "results[0] = global::WitSharp.Components.ComponentValue.Err(" + _values.Lower(result.Args[1], "e.Error") + ");");
            w.Close();
        }
        else
        {
            w.Line("results[0] = " + _values.Lower(result, call) + ";");
        }
        w.Close(");");
    }

    private void WriteExportMethod(SourceWriter w, MethodModel m, string function, string disposed, string cx, string? self, string modifiers = "public ")
    {
        w.Summary(m.Docs);
        foreach (var p in m.Params) w.DocTag("param", " name=\"" + p.Name.TrimStart('@') + "\"", "The `" + p.WitName + "` argument.");
        if (m.ErrorType is not null)
        {
            w.DocTag("exception", " cref=\"global::WitSharp.ResultException{TError}\"",
                "The function returned the error case of its WIT result; the exception's Error is a " + m.ErrorType.Replace("global::", string.Empty) + ".");
        }
        w.Open(modifiers + m.ReturnType + " " + m.Name + "(" + string.Join(", ", m.Params.Select(p => p.Type + " " + p.Name)) + ")");
        w.Line("global::System.ObjectDisposedException.ThrowIf(" + disposed + ", this);");
        if (IsTyped(m))
        {
            WriteTypedCall(w, m, function, cx, self);
            w.Close();
            return;
        }
        var args = m.Params.Select(p => _values.Lower(p.Ref, p.Name, cx));
        if (self is not null) args = new[] { "global::WitSharp.Components.ComponentValue.Borrow(" + self + ")" }.Concat(args);
        var call = function + ".Call(" + string.Join(", ", args) + ")";
        if (m.Result is not { } result)
        {
            w.Line(call + ";");
        }
        else if (m.ErrorType is not null)
        {
            w.Line("var __result = " + call + "!;");
            w.Line("if (!__result.IsOk) throw new global::WitSharp.ResultException<" + m.ErrorType + ">(" + _values.Lift(result.Args[1], "__result.Payload!", cx) + ");");
            if (result.Args[0].Kind != RefKind.Unit) w.Line("return " + _values.Lift(result.Args[0], "__result.Payload!", cx) + ";");
        }
        else
        {
            w.Line("return " + _values.Lift(result, call + "!", cx) + ";");
        }
        w.Close();
    }

    private void WriteExportClass(SourceWriter w, int index, InterfaceBinding b)
    {
        var resources = ResourcesOf(b, TypeShape.ExportedResource);
        var methods = resources.SelectMany(r => r.Methods).ToList();
        w.Line();
        w.Open("private sealed class __Export" + index + " : " + b.Interface);
        w.Line("private readonly " + _self + " _owner;");
        for (var i = 0; i < b.Methods.Count; i++) w.Line("private readonly " + FieldType(b.Methods[i]) + " __export" + i + ";");
        for (var i = 0; i < methods.Count; i++) w.Line("internal readonly " + FieldType(methods[i]) + " __method" + i + ";");
        w.Line();
        w.Open("public __Export" + index + "(" + _self + " owner, " + Components + "ComponentInstance instance, " + Index + "[] indices)");
        w.Line("_owner = owner;");
        for (var i = 0; i < b.Methods.Count; i++) w.Line("__export" + i + " = " + Bind(b.Methods[i], _slots.Functions[index][i]) + ";");
        for (var i = 0; i < methods.Count; i++) w.Line("__method" + i + " = " + Bind(methods[i], _slots.Methods[index][i]) + ";");
        w.Close();
        for (var i = 0; i < b.Methods.Count; i++)
        {
            w.Line();
            WriteExportMethod(w, b.Methods[i], "__export" + i, "_owner.__disposed", "_owner.__cx", null);
        }
        w.Close();

        // Exported resources: the abstract class of the interface's namespace, implemented over a handle.
        var first = 0;
        foreach (var r in resources)
        {
            var csType = b.Namespace + "." + r.Name;
            var cls = _values.ResourceClass(csType);
            w.Line();
            w.Open("private sealed class " + cls + " : " + csType);
            w.Line("private readonly " + _self + " _owner;");
            w.Line();
            w.Open("public " + cls + "(" + _self + " owner, " + Components + "ResourceAny handle)");
            w.Line("_owner = owner;");
            w.Line("Handle = handle;");
            w.Close();
            w.Line();
            w.Line("public " + Components + "ResourceAny Handle { get; }");
            w.Line();
            w.Open("protected override void Dispose(bool disposing)");
            w.Line("if (disposing && Handle.IsValid) Handle.ResourceDrop(_owner.__store);");
            w.Close();
            for (var i = 0; i < r.Methods.Count; i++)
            {
                w.Line();
                WriteExportMethod(w, r.Methods[i], "_owner.__e" + index + ".__method" + (first + i), "_owner.__disposed", "_owner.__cx", "Handle", "public override ");
            }
            first += r.Methods.Count;
            w.Close();
        }
    }

    internal List<TypeModel> ResourcesOf(InterfaceBinding b, TypeShape shape)
    {
        var ns = b.Namespace.Substring("global::".Length);
        foreach (var c in _model.Containers)
        {
            if (c.Namespace == ns) return c.Types.Where(t => t.Shape == shape).ToList();
        }
        return new List<TypeModel>();
    }

    private void WriteContext(SourceWriter w)
    {
        w.Line();
        w.Open("private sealed class " + ValueConversions.ContextClass);
        w.Open("public " + ValueConversions.ContextClass + "(" + _self + "? owner, " + Components + "ResourceTable? table)");
        w.Line("Owner = owner;");
        w.Line("Table = table;");
        w.Close();
        w.Line();
        w.Line("public " + _self + "? Owner { get; }");
        w.Line();
        w.Line("public " + Components + "ResourceTable? Table { get; }");
        w.Line();
        // Host objects lent to the component for one call (borrow parameters): their table entries are removed
        // when the call ends, innermost first.
        w.Line("private readonly global::System.Collections.Generic.List<global::System.Action> _lends = new();");
        w.Line();
        w.Line("public int Mark => _lends.Count;");
        w.Line();
        w.Line("public void Lend(global::System.Action release) => _lends.Add(release);");
        w.Line();
        w.Open("public void Release(int mark)");
        w.Open("for (var i = _lends.Count - 1; i >= mark; i--)");
        w.Line("var release = _lends[i];");
        w.Line("_lends.RemoveAt(i);");
        w.Line("release();");
        w.Close();
        w.Close();
        w.Close();
    }

    // The typed path (TypedComponentFunction / typed DefineFunction: lifted and lowered straight between guest
    // memory and C# values, no ComponentValue) takes every signature whose types TypeCatalog.IsTyped accepts.
    private bool IsTyped(MethodModel m) =>
        m.Params.All(p => _catalog.IsTyped(p.Ref)) && (m.Result is null || _catalog.IsTyped(m.Result));

    /// <summary>The C# types of the core call's parameters: a method's <c>self</c> borrow first.</summary>
    private List<string> WireParams(MethodModel m)
    {
        var types = new List<string>();
        if (m.Kind == MethodKind.Method) types.Add(SelfWire(m));
        types.AddRange(m.Params.Select(p => _catalog.Wire(p.Ref)));
        return types;
    }

    private string SelfWire(MethodModel m) =>
        _catalog.Find(m.Resource!)?.Shape == TypeShape.ExportedResource ? Components + "ResourceAny" : Components + "Resource<" + m.Resource + ">";

    private string TypedParams(MethodModel m)
    {
        var types = WireParams(m);
        return types.Count switch
        {
            0 => "global::System.ValueTuple",
            1 => types[0],
            _ => "(" + string.Join(", ", types) + ")",
        };
    }

    private string TypedResult(MethodModel m) => m.Result is { } r ? _catalog.Wire(r) : "global::System.ValueTuple";

    private string FieldType(MethodModel m) =>
        IsTyped(m) ? Components + "TypedComponentFunction<" + TypedParams(m) + ", " + TypedResult(m) + ">" : Components + "ComponentFunction";

    private void WriteTypedCall(SourceWriter w, MethodModel m, string function, string cx, string? self)
    {
        var parts = new List<string>();
        if (self is not null) parts.Add(self);
        parts.AddRange(m.Params.Select(p => _handles.ToWire(p.Ref, p.Name, cx)));
        var args = parts.Count switch
        {
            0 => "default",
            1 => parts[0],
            _ => "(" + string.Join(", ", parts) + ")",
        };
        var call = function + ".Call(" + args + ")";
        var lends = m.Params.Any(p => _handles.Lends(p.Ref));
        if (lends)
        {
            w.Line("var __mark = " + cx + ".Mark;");
            w.Open("try");
        }
        if (m.Result is not { } result)
        {
            w.Line(call + ";");
        }
        else if (m.ErrorType is not null)
        {
            w.Line("var __result = " + call + ";");
            w.Line("if (__result.IsErr) throw new global::WitSharp.ResultException<" + m.ErrorType + ">(" + _handles.FromWire(result.Args[1], "__result.Error", cx) + ");");
            if (result.Args[0].Kind != RefKind.Unit) w.Line("return " + _handles.FromWire(result.Args[0], "__result.Value", cx) + ";");
        }
        else
        {
            w.Line("return " + _handles.FromWire(result, call, cx) + ";");
        }
        if (lends)
        {
            w.Close();
            w.Open("finally");
            w.Line(cx + ".Release(__mark);");
            w.Close();
        }
    }

    /// <summary>A typed host import: the runtime lifts the guest's arguments into the C# parameter tuple and lowers
    /// what the callback returns, with the marshalers bound once at instantiation. <paramref name="resource"/> is
    /// the imported resource whose method this is (its <c>self</c> borrow is looked up in the handle table).</summary>
    private void WriteTypedImport(SourceWriter w, string instance, string? host, MethodModel m, string? resource)
    {
        var count = m.Params.Count + (resource is not null ? 1 : 0);
        string Arg(int k) => count == 1 ? "p" : "p.Item" + (k + 1).ToString(CultureInfo.InvariantCulture);
        var first = resource is not null ? 1 : 0;
        var target = resource is not null ? "cx.Table!.Get<" + resource + ">(" + Arg(0) + ")" : host!;
        var call = target + "." + m.Name + "(" + string.Join(", ", m.Params.Select((p, k) => _handles.FromWire(p.Ref, Arg(k + first), "cx"))) + ")";
        var name = SourceWriter.Literal(m.WitName);
        if (m.Result is not { } result)
        {
            w.Open(instance + ".DefineAction<" + TypedParams(m) + ">(" + name + ", p =>");
            w.Line(call + ";");
            w.Close(");");
            return;
        }
        w.Open(instance + ".DefineFunction<" + TypedParams(m) + ", " + TypedResult(m) + ">(" + name + ", p =>");
        if (m.ErrorType is not null)
        {
            // Exceptions mode: the host returns the ok payload or throws ResultException<E> for the error case.
            var wire = TypedResult(m);
            w.Open("try");
            if (result.Args[0].Kind == RefKind.Unit)
            {
                w.Line(call + ";");
                w.Line("return " + wire + ".Ok(default);");
            }
            else
            {
                w.Line("return " + wire + ".Ok(" + _handles.ToWire(result.Args[0], call, "cx") + ");");
            }
            w.Close();
            w.Open("catch (global::WitSharp.ResultException<" + m.ErrorType + "> e)");
            w.Line("return " + wire + ".Err(" + _handles.ToWire(result.Args[1], "e.Error", "cx") + ");");
            w.Close();
        }
        else
        {
            w.Line("return " + _handles.ToWire(result, call, "cx") + ";");
        }
        w.Close(");");
    }

    private string Bind(MethodModel m, int slot) => IsTyped(m)
        ? Exports + ".BindTyped<" + TypedParams(m) + ", " + TypedResult(m) + ">(instance, WorldName, indices[" + I(slot) + "])"
        : Exports + ".Bind(instance, WorldName, indices[" + I(slot) + "], " + I(m.Params.Count + (m.Kind == MethodKind.Method ? 1 : 0)) + ", " + (m.Result is not null ? "true" : "false") + ")";

    /// <summary><c>__Resolve</c>: the export indices of a component, resolved and checked once per component (when
    /// it is loaded and when a <c>Pre</c> is made). From a <c>.wasm</c> input, top-level exports are taken at the
    /// positions the generator read from the binary's export section, and a component laid out differently is
    /// rejected; typed signatures without handles are checked against the C# types here too.</summary>
    private void WriteResolve(SourceWriter w, EquatableArray<MethodModel> exportFunctions, List<InterfaceBinding> exportedInterfaces)
    {
        w.Line();
        w.Open("private static " + Index + "[] __Resolve(" + Components + "Component component)");
        w.Line("var indices = new " + Index + "[" + I(_slots.Count) + "];");
        for (var i = 0; i < exportFunctions.Count; i++) WriteSlot(w, _slots.World[i], null, exportFunctions[i].WitName, exportFunctions[i]);
        for (var j = 0; j < exportedInterfaces.Count; j++)
        {
            var b = exportedInterfaces[j];
            WriteSlot(w, _slots.Interfaces[j], null, b.InstanceName, null);
            var parent = "indices[" + I(_slots.Interfaces[j]) + "]";
            for (var i = 0; i < b.Methods.Count; i++) WriteSlot(w, _slots.Functions[j][i], parent, b.Methods[i].WitName, b.Methods[i]);
            var methods = ResourcesOf(b, TypeShape.ExportedResource).SelectMany(r => r.Methods).ToList();
            for (var i = 0; i < methods.Count; i++) WriteSlot(w, _slots.Methods[j][i], parent, methods[i].WitName, methods[i]);
        }
        w.Line("return indices;");
        w.Close();
    }

    private void WriteSlot(SourceWriter w, int slot, string? parent, string name, MethodModel? function)
    {
        var target = "indices[" + I(slot) + "]";
        var position = parent is null ? Position(name) : -1;
        w.Line(target + " = " + (position >= 0
            ? Exports + ".ExportAt(component, WorldName, " + I(position) + ", " + SourceWriter.Literal(name) + ")"
            : Exports + ".Export(component, WorldName, " + (parent ?? "null") + ", " + SourceWriter.Literal(name) + ")") + ";");
        if (function is not null && IsTyped(function))
            w.Line(Exports + ".CheckTyped<" + TypedParams(function) + ", " + TypedResult(function) + ">(WorldName, " + target + ");");
    }

    /// <summary>The build-time position of a top-level export in the component binary, or -1 (WIT input).</summary>
    private int Position(string name)
    {
        if (!_model.FromBinary || _model.ExportPositions.Count != _model.ExportNames.Count) return -1;
        for (var i = 0; i < _model.ExportNames.Count; i++)
        {
            if (_model.ExportNames[i] == name) return _model.ExportPositions[i];
        }
        return -1;
    }

    private static string I(int i) => i.ToString(CultureInfo.InvariantCulture);
}

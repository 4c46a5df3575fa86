using WitSharp.Core;
using WitSharp.Core.Instances;

namespace WitSharp;

public sealed partial class Linker
{
    /// <summary>Creates a new linker for the same engine holding the same definitions; later definitions in
    /// either linker do not affect the other (wasmtime-dotnet <c>Linker.Clone</c>).</summary>
    public Linker Clone()
    {
        var copy = new Linker(Engine) { AllowShadowing = AllowShadowing };
        foreach (var (key, item) in _items) copy._items[key] = item;
        return copy;
    }

    /// <summary>Defines every function import of <paramref name="module"/> that this linker lacks as a host
    /// function returning the default value of each result (zero for numbers and v128, null for references),
    /// so the module can be instantiated (wasmtime-dotnet <c>DefineUnknownImportsAsDefaultValues</c>). Only
    /// function imports are filled in, as in wasmtime.</summary>
    /// <param name="store">The store the module will be instantiated in (kept for wasmtime-dotnet's shape;
    /// the stubs are store-independent).</param>
    /// <param name="module">The module to instantiate.</param>
    public void DefineUnknownImportsAsDefaultValues(Store store, Module module)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(module);
        var info = module.Compiled.Info;
        foreach (var i in info.Imports)
        {
            if (i.Kind != ExternKind.Func || _items.ContainsKey((i.Module, i.Name))) continue;
            var type = info.Types[(int)i.TypeIndex];
            _items[(i.Module, i.Name)] = new UntypedHost(type, (_, _, results) =>
            {
                for (int r = 0; r < results.Length; r++) results[r] = DefaultValue(type.Results[r]);
            });
        }
    }

    private static ValueBox DefaultValue(ValType type) => type switch
    {
        ValType.I32 => 0,
        ValType.I64 => 0L,
        ValType.F32 => 0f,
        ValType.F64 => 0d,
        ValType.V128 => default(V128),
        _ => ValueBox.Null(type.ToKind()),
    };

    /// <summary>The default function of the module or instance defined under <paramref name="name"/>: its export
    /// named <c>""</c>, else its <c>_start</c> export, else a function that does nothing (wasmtime's
    /// <c>Linker::get_default</c>, used to run command modules).</summary>
    /// <exception cref="WasmtimeException">The item found under that name is not a function.</exception>
    public Function GetDefaultFunction(Store store, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(name);
        foreach (var export in (string[])["", "_start"])
        {
            if (!_items.TryGetValue((name, export), out var item)) continue;
            return ToExtern(store, item) is FunctionInstance f ? new Function(store, f)
                : throw new WasmtimeException($"`{name}::{export}` is not a function");
        }
        return Function.FromCallback(store, () => { });
    }
}

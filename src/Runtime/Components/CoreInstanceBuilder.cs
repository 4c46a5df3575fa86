using WitSharp.Core;

namespace WitSharp.Components;

/// <summary>
/// <c>(core instance (instantiate $m (with "name" (instance $i))...))</c> (Explainer.md "Instance definitions"):
/// each import <c>module::name</c> of the core module is the export <c>name</c> of the argument instance called
/// <c>module</c>. Imports are looked up directly in import order rather than through a <see cref="Linker"/>
/// filled with every export of every argument, which instantiation would redo for each component instance.
/// </summary>
internal static class CoreInstanceBuilder
{
    public static CoreInstanceItem Instantiate(Store store, Module module, IReadOnlyList<(string Name, CoreInstanceItem Instance)> arguments, uint moduleIndex, long offset)
    {
        var info = module.Compiled.Info;
        var imports = new object[info.Imports.Count];
        for (int i = 0; i < imports.Length; i++)
        {
            var imp = info.Imports[i];
            object? item = null;
            // The last argument of a name wins, as later definitions do in a linker that allows shadowing.
            for (int a = arguments.Count - 1; a >= 0 && item is null; a--)
            {
                if (arguments[a].Name == imp.Module) arguments[a].Instance.Exports.TryGetValue(imp.Name, out item);
            }
            imports[i] = item ?? throw new LinkException(
                $"instantiating core module {moduleIndex} (at byte offset 0x{offset:x}): unknown import: `{imp.Module}::{imp.Name}` has not been defined");
        }
        Instance instance;
        try
        {
            instance = new Instance(store, module, imports);
        }
        catch (LinkException e)
        {
            throw new LinkException($"instantiating core module {moduleIndex} (at byte offset 0x{offset:x}): {e.Message}");
        }

        // One pass over the export section; the public accessors make one per kind.
        var result = new CoreInstanceItem();
        var cx = instance.Context;
        foreach (var e in info.Exports)
        {
            object? item = e.Kind switch
            {
                ExternKind.Func => new Function(store, cx.Functions[e.Index]),
                ExternKind.Memory => new Memory(store, cx.Memory0!),
                ExternKind.Table => new Table(store, cx.Tables[e.Index]),
                ExternKind.Global => new Global(store, cx.Globals[e.Index]),
                // Tags have no component-level sort.
                _ => null,
            };
            if (item is not null) result.Exports[e.Name] = item;
        }
        return result;
    }
}

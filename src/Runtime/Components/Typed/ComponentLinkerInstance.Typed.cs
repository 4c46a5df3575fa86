using WitSharp.Components.Typed;

namespace WitSharp.Components;

public sealed partial class ComponentLinkerInstance
{
    /// <summary>
    /// Defines the host function <paramref name="name"/> with C# types (the typed path for imports): when a
    /// component imports it, the C# types are checked against the import's type once, and each guest call lifts
    /// the arguments straight from the core values and guest memory into <typeparamref name="TParams"/> and
    /// lowers the result, with the same marshalers as typed exports (no <see cref="ComponentValue"/>).
    /// </summary>
    /// <typeparam name="TParams"><see cref="ValueTuple"/> for no parameters, the parameter's C# type for one, a
    /// <see cref="ValueTuple"/> of them for several.</typeparam>
    /// <typeparam name="TResult">The result's C# type, or <see cref="ValueTuple"/> for none.</typeparam>
    /// <exception cref="ComponentTypeMismatchException">At instantiation: the C# types do not map the import's type.</exception>
    public void DefineFunction<TParams, TResult>(string name, Func<TParams, TResult> callback)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(callback);
        if (Items.ContainsKey(name) && !Linker.AllowShadowing)
            throw new WasmException($"`{QualifiedName(name)}` is defined twice");
        Items[name] = new TypedHostDefinition<TParams, TResult>(callback);
    }

    /// <summary>Defines a typed host function that returns nothing; see <see cref="DefineFunction{TParams, TResult}"/>.</summary>
    public void DefineAction<TParams>(string name, Action<TParams> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        DefineFunction<TParams, ValueTuple>(name, p => { callback(p); return default; });
    }
}

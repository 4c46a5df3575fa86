// Typed host-function overloads with wasmtime-dotnet's shapes, one per arity; each forwards to one generic
// implementation that binds an emitted thunk (HostFunctions), so calls from guest code never box.
namespace WitSharp;

public sealed partial class Linker
{
    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction(string module, string name, Action callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1>(string module, string name, Action<T1> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2>(string module, string name, Action<T1, T2> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2, T3>(string module, string name, Action<T1, T2, T3> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4>(string module, string name, Action<T1, T2, T3, T4> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5>(string module, string name, Action<T1, T2, T3, T4, T5> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6>(string module, string name, Action<T1, T2, T3, T4, T5, T6> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7>(string module, string name, Action<T1, T2, T3, T4, T5, T6, T7> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8>(string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9>(string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<TResult>(string module, string name, Func<TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, TResult>(string module, string name, Func<T1, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, TResult>(string module, string name, Func<T1, T2, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, TResult>(string module, string name, Func<T1, T2, T3, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, TResult>(string module, string name, Func<T1, T2, T3, T4, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult> callback) => DefineHost(module, name, callback);
}

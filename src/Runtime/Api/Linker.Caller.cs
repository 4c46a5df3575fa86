// Typed host-function overloads taking the Caller first (wasmtime-dotnet's CallerAction/CallerFunc shapes).
namespace WitSharp;

public sealed partial class Linker
{
    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction(string module, string name, CallerAction callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T>(string module, string name, CallerAction<T> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2>(string module, string name, CallerAction<T1, T2> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2, T3>(string module, string name, CallerAction<T1, T2, T3> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4>(string module, string name, CallerAction<T1, T2, T3, T4> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5>(string module, string name, CallerAction<T1, T2, T3, T4, T5> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6>(string module, string name, CallerAction<T1, T2, T3, T4, T5, T6> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7>(string module, string name, CallerAction<T1, T2, T3, T4, T5, T6, T7> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8>(string module, string name, CallerAction<T1, T2, T3, T4, T5, T6, T7, T8> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9>(string module, string name, CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(string module, string name, CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(string module, string name, CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/>.</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(string module, string name, CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<TResult>(string module, string name, CallerFunc<TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T, TResult>(string module, string name, CallerFunc<T, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, TResult>(string module, string name, CallerFunc<T1, T2, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, TResult>(string module, string name, CallerFunc<T1, T2, T3, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, TResult>(string module, string name, CallerFunc<T1, T2, T3, T4, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, TResult>(string module, string name, CallerFunc<T1, T2, T3, T4, T5, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, TResult>(string module, string name, CallerFunc<T1, T2, T3, T4, T5, T6, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, TResult>(string module, string name, CallerFunc<T1, T2, T3, T4, T5, T6, T7, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(string module, string name, CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(string module, string name, CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(string module, string name, CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(string module, string name, CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> callback) => DefineHost(module, name, callback);

    /// <summary>Defines a host function <paramref name="module"/>.<paramref name="name"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public void DefineFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(string module, string name, CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> callback) => DefineHost(module, name, callback);
}

// Typed overloads with wasmtime-dotnet's shapes. Written out per arity (C# has no variadic generics); each
// forwards to one generic implementation that binds an emitted entry thunk (TypedCalls).
using WitSharp.Core.Compilation;

namespace WitSharp;

public sealed partial class Instance
{
    internal TDelegate? GetDelegate<TDelegate>(string name) where TDelegate : Delegate =>
        GetFunctionInstance(name) is { } f ? TypedCalls.CreateEntry<TDelegate>(Store, f) : null;

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action"/>, or null when missing or of another type.</summary>
    public Action? GetAction(string name) => GetDelegate<Action>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1}"/>, or null when missing or of another type.</summary>
    public Action<T1>? GetAction<T1>(string name) => GetDelegate<Action<T1>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2>? GetAction<T1, T2>(string name) => GetDelegate<Action<T1, T2>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2, T3}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2, T3>? GetAction<T1, T2, T3>(string name) => GetDelegate<Action<T1, T2, T3>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2, T3, T4}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2, T3, T4>? GetAction<T1, T2, T3, T4>(string name) => GetDelegate<Action<T1, T2, T3, T4>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2, T3, T4, T5}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2, T3, T4, T5>? GetAction<T1, T2, T3, T4, T5>(string name) => GetDelegate<Action<T1, T2, T3, T4, T5>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2, T3, T4, T5, T6}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2, T3, T4, T5, T6>? GetAction<T1, T2, T3, T4, T5, T6>(string name) => GetDelegate<Action<T1, T2, T3, T4, T5, T6>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7>? GetAction<T1, T2, T3, T4, T5, T6, T7>(string name) => GetDelegate<Action<T1, T2, T3, T4, T5, T6, T7>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8>? GetAction<T1, T2, T3, T4, T5, T6, T7, T8>(string name) => GetDelegate<Action<T1, T2, T3, T4, T5, T6, T7, T8>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>? GetAction<T1, T2, T3, T4, T5, T6, T7, T8, T9>(string name) => GetDelegate<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>? GetAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(string name) => GetDelegate<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>? GetAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(string name) => GetDelegate<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>>(name);

    /// <summary>The exported function <paramref name="name"/> as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12}"/>, or null when missing or of another type.</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>? GetAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(string name) => GetDelegate<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<TResult>? GetFunction<TResult>(string name) => GetDelegate<Func<TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, TResult>? GetFunction<T1, TResult>(string name) => GetDelegate<Func<T1, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, TResult>? GetFunction<T1, T2, TResult>(string name) => GetDelegate<Func<T1, T2, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, T3, TResult>? GetFunction<T1, T2, T3, TResult>(string name) => GetDelegate<Func<T1, T2, T3, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, TResult>? GetFunction<T1, T2, T3, T4, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, TResult>? GetFunction<T1, T2, T3, T4, T5, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, T7, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, T7, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult}"/> (several results: a
    /// <c>ValueTuple</c> as <typeparamref name="TResult"/>), or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult}"/>, or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult}"/>, or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult}"/>, or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>>(name);

    /// <summary>The exported function <paramref name="name"/> as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult}"/>, or null when missing or of another type.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>? GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>(string name) => GetDelegate<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>>(name);
}

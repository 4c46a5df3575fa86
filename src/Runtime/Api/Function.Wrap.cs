// Function.WrapAction/WrapFunc with wasmtime-dotnet's shapes, one per arity (C# has no variadic generics);
// each binds the same emitted entry thunk as Instance.GetAction/GetFunction (TypedCalls).
using WitSharp.Core.Compilation;

namespace WitSharp;

public sealed partial class Function
{
    private TDelegate? Wrap<TDelegate>() where TDelegate : Delegate =>
        Store is not null && Instance is not null ? TypedCalls.CreateEntry<TDelegate>(Store, Instance) : null;

    /// <summary>This function as an <see cref="Action"/>, or null when its type differs (or it is a null reference).</summary>
    public Action? WrapAction() => Wrap<Action>();

    /// <summary>This function as an <see cref="Action{T1}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1>? WrapAction<T1>() => Wrap<Action<T1>>();

    /// <summary>This function as an <see cref="Action{T1, T2}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2>? WrapAction<T1, T2>() => Wrap<Action<T1, T2>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3>? WrapAction<T1, T2, T3>() => Wrap<Action<T1, T2, T3>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4>? WrapAction<T1, T2, T3, T4>() => Wrap<Action<T1, T2, T3, T4>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5>? WrapAction<T1, T2, T3, T4, T5>() => Wrap<Action<T1, T2, T3, T4, T5>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6>? WrapAction<T1, T2, T3, T4, T5, T6>() => Wrap<Action<T1, T2, T3, T4, T5, T6>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7>? WrapAction<T1, T2, T3, T4, T5, T6, T7>() => Wrap<Action<T1, T2, T3, T4, T5, T6, T7>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8>? WrapAction<T1, T2, T3, T4, T5, T6, T7, T8>() => Wrap<Action<T1, T2, T3, T4, T5, T6, T7, T8>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>? WrapAction<T1, T2, T3, T4, T5, T6, T7, T8, T9>() => Wrap<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>? WrapAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>() => Wrap<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>? WrapAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>() => Wrap<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>? WrapAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>() => Wrap<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>? WrapAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>() => Wrap<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>? WrapAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>() => Wrap<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>? WrapAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>() => Wrap<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15>>();

    /// <summary>This function as an <see cref="Action{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16}"/>, or null when its type differs (or it is a null reference).</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>? WrapAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>() => Wrap<Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16>>();

    /// <summary>This function as a <see cref="Func{TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<TResult>? WrapFunc<TResult>() => Wrap<Func<TResult>>();

    /// <summary>This function as a <see cref="Func{T1, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, TResult>? WrapFunc<T1, TResult>() => Wrap<Func<T1, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, TResult>? WrapFunc<T1, T2, TResult>() => Wrap<Func<T1, T2, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, TResult>? WrapFunc<T1, T2, T3, TResult>() => Wrap<Func<T1, T2, T3, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, TResult>? WrapFunc<T1, T2, T3, T4, TResult>() => Wrap<Func<T1, T2, T3, T4, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, TResult>? WrapFunc<T1, T2, T3, T4, T5, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, T7, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, T7, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>>();

    /// <summary>This function as a <see cref="Func{T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult}"/>, or null when its type differs (several results: a <c>ValueTuple</c>).</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>? WrapFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>() => Wrap<Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16, TResult>>();
}

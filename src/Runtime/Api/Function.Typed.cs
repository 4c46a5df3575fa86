// Typed host-function factories with wasmtime-dotnet's shapes, one per arity.
using WitSharp.Core.Compilation;

namespace WitSharp;

public sealed partial class Function
{
    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback(Store store, Action callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1>(Store store, Action<T1> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2>(Store store, Action<T1, T2> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2, T3>(Store store, Action<T1, T2, T3> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4>(Store store, Action<T1, T2, T3, T4> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5>(Store store, Action<T1, T2, T3, T4, T5> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6>(Store store, Action<T1, T2, T3, T4, T5, T6> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7>(Store store, Action<T1, T2, T3, T4, T5, T6, T7> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8>(Store store, Action<T1, T2, T3, T4, T5, T6, T7, T8> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9>(Store store, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(Store store, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(Store store, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(Store store, Action<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<TResult>(Store store, Func<TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, TResult>(Store store, Func<T1, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, TResult>(Store store, Func<T1, T2, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, TResult>(Store store, Func<T1, T2, T3, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, TResult>(Store store, Func<T1, T2, T3, T4, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, TResult>(Store store, Func<T1, T2, T3, T4, T5, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, TResult>(Store store, Func<T1, T2, T3, T4, T5, T6, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, TResult>(Store store, Func<T1, T2, T3, T4, T5, T6, T7, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(Store store, Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(Store store, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(Store store, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(Store store, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(Store store, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult>(Store store, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult>(Store store, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult>(Store store, Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, TResult> callback) => FromDelegate(store, callback);

    private static Function FromDelegate(Store store, Delegate callback)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(callback);
        return new Function(store, HostFunctions.CreateTyped(store, callback));
    }
}

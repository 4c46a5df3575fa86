// Typed host-function factories taking the Caller first (wasmtime-dotnet's CallerAction/CallerFunc shapes).
namespace WitSharp;

public sealed partial class Function
{
    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback(Store store, CallerAction callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T>(Store store, CallerAction<T> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2>(Store store, CallerAction<T1, T2> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2, T3>(Store store, CallerAction<T1, T2, T3> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4>(Store store, CallerAction<T1, T2, T3, T4> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5>(Store store, CallerAction<T1, T2, T3, T4, T5> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6>(Store store, CallerAction<T1, T2, T3, T4, T5, T6> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7>(Store store, CallerAction<T1, T2, T3, T4, T5, T6, T7> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8>(Store store, CallerAction<T1, T2, T3, T4, T5, T6, T7, T8> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9>(Store store, CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(Store store, CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(Store store, CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/>.</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(Store store, CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<TResult>(Store store, CallerFunc<TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T, TResult>(Store store, CallerFunc<T, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, TResult>(Store store, CallerFunc<T1, T2, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, TResult>(Store store, CallerFunc<T1, T2, T3, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, TResult>(Store store, CallerFunc<T1, T2, T3, T4, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, TResult>(Store store, CallerFunc<T1, T2, T3, T4, T5, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, TResult>(Store store, CallerFunc<T1, T2, T3, T4, T5, T6, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, TResult>(Store store, CallerFunc<T1, T2, T3, T4, T5, T6, T7, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(Store store, CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(Store store, CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(Store store, CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(Store store, CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult> callback) => FromDelegate(store, callback);

    /// <summary>Creates a host function in <paramref name="store"/> that receives its <see cref="Caller"/> (several results: return a <c>ValueTuple</c>).</summary>
    public static Function FromCallback<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(Store store, CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult> callback) => FromDelegate(store, callback);
}

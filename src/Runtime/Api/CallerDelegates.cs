// wasmtime-dotnet's host-callback delegate types that take the calling context first (CallerAction,
// CallerFunc), one per arity 0-12 as in wasmtime-dotnet 50. The Caller is a ref struct, so these are the
// only overloads a lambda with a leading Caller parameter can bind to.
namespace WitSharp;

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction(Caller caller);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T>(Caller caller, T arg);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2>(Caller caller, T1 arg1, T2 arg2);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2, T3>(Caller caller, T1 arg1, T2 arg2, T3 arg3);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2, T3, T4>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2, T3, T4, T5>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2, T3, T4, T5, T6>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2, T3, T4, T5, T6, T7>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2, T3, T4, T5, T6, T7, T8>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9, T10 arg10);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9, T10 arg10, T11 arg11);

/// <summary>A host callback with no result that receives the calling context first.</summary>
public delegate void CallerAction<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9, T10 arg10, T11 arg11, T12 arg12);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<TResult>(Caller caller);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T, TResult>(Caller caller, T arg);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, TResult>(Caller caller, T1 arg1, T2 arg2);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, T3, TResult>(Caller caller, T1 arg1, T2 arg2, T3 arg3);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, T3, T4, TResult>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, T3, T4, T5, TResult>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, T3, T4, T5, T6, TResult>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, T3, T4, T5, T6, T7, TResult>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, TResult>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9, T10 arg10);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, TResult>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9, T10 arg10, T11 arg11);

/// <summary>A host callback with a result (a <c>ValueTuple</c> for several) that receives the calling context first.</summary>
public delegate TResult CallerFunc<T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, TResult>(Caller caller, T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9, T10 arg10, T11 arg11, T12 arg12);

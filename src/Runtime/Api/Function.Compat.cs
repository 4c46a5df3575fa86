using System.Linq.Expressions;
using WitSharp.Core.Compilation;

namespace WitSharp;

public sealed partial class Function
{
    /// <summary>Invokes the function with no arguments (wasmtime-dotnet <c>Function.Invoke()</c>).</summary>
    /// <returns>Null for no results, the value for one result, an <c>object?[]</c> for several.</returns>
    public object? Invoke() => Invoke(ReadOnlySpan<ValueBox>.Empty);

    /// <summary>Whether this function has the signature the CLR types describe, using the same mapping as
    /// the typed wrappers (<c>int</c>→i32, <c>long</c>→i64, <c>float</c>→f32, <c>double</c>→f64,
    /// <see cref="V128"/>, <see cref="Function"/>→funcref, <c>object</c>→externref).</summary>
    /// <param name="returnType">The result type; null or <c>void</c> for none, a <c>ValueTuple</c> for several.</param>
    /// <param name="parameters">The parameter types, in order.</param>
    /// <returns>False also when a type has no wasm counterpart or the function is a null reference.</returns>
    public bool CheckTypeSignature(Type? returnType = null, params Type[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (Instance is null) return false;
        Type delegateType;
        try { delegateType = Expression.GetDelegateType([.. parameters, returnType ?? typeof(void)]); }
        catch (ArgumentException) { return false; } // e.g. a by-ref or pointer type
        return ValueMarshal.FuncTypeOf(delegateType) is { } type && type.Equals(Instance.Type);
    }
}

namespace WitSharp;

/// <summary>A WIT function returned the error case of its <c>result</c>, surfaced as an exception because
/// the bindings were generated with <see cref="WitErrorMode.Exceptions"/> (or <see cref="Result{TOk, TError}.Unwrap"/>
/// was called). Host implementations of imported functions throw it to return the error case.</summary>
/// <typeparam name="TError">The error payload.</typeparam>
public sealed class ResultException<TError> : WasmException
{
    /// <summary>Creates the exception for an error payload.</summary>
    public ResultException(TError error)
        : base("The function returned an error: " + (error?.ToString() ?? "(none)"))
    {
        Error = error;
    }

    /// <summary>Creates the exception for an error payload with a custom message.</summary>
    public ResultException(TError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>The error payload.</summary>
    public TError Error { get; }
}

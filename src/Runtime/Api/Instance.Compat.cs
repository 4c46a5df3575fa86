namespace WitSharp;

public sealed partial class Instance
{
    /// <summary>The exported function <paramref name="name"/> when it has the signature the CLR types
    /// describe (see <see cref="Function.CheckTypeSignature"/>), otherwise null.</summary>
    /// <param name="name">The export name.</param>
    /// <param name="returnType">The result type; null for none, a <c>ValueTuple</c> for several.</param>
    /// <param name="parameterTypes">The parameter types, in order.</param>
    public Function? GetFunction(string name, Type? returnType, params Type[] parameterTypes) =>
        GetFunction(name) is { } f && f.CheckTypeSignature(returnType, parameterTypes) ? f : null;
}

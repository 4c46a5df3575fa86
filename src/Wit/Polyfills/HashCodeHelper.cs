namespace WitSharp.Wit.Polyfills;

/// <summary>A tiny hash combiner: <c>System.HashCode</c> is missing on netstandard2.0.</summary>
internal static class HashCodeHelper
{
    public static int Combine(int a, int b) => unchecked((a * 31) + b);

    public static int Combine(int a, int b, int c) => Combine(Combine(a, b), c);
}

namespace WitSharp.Runtime.Tests.Compat;

/// <summary>Representative programs written against wasmtime-dotnet 50.0.1's core API, in the style of its
/// README, examples/ and tests/ (our own code). Each is a complete C# file with <c>using Wasmtime;</c> and a
/// <c>Program.Run()</c> that returns a transcript of everything observable, so the same program run on
/// Wasmtime (the oracle) and on WitSharp (after the namespace swap) can be compared line by line.</summary>
internal static partial class CompatPrograms
{
    // A property, not a field: static field initialisers in different files of a partial class run in an
    // unspecified order, so the groups may not exist yet when a field initialiser would read them.
    public static IReadOnlyDictionary<string, string> All =>
        new[] { Basics, Interruption, Hosting, Divergent, Resources }.SelectMany(d => d).ToDictionary(kv => kv.Key, kv => kv.Value);
}

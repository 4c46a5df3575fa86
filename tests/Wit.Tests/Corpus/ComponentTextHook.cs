using System.Reflection;

namespace WitSharp.Wit.Tests.Corpus;

/// <summary>The component text encoder the WIT tests hand to <see cref="Resolve.ComponentTextEncoder"/> for
/// packages written as <c>.wat</c> components. src/Wit cannot parse WebAssembly text (it also runs in the source
/// generator and must not depend on the runtime), so, as a host would, the tests supply the runtime's component
/// text parser: <c>WitSharp.Components.Text.ComponentWat.Parse(string) → byte[]</c>.</summary>
/// <remarks>That parser is internal to the runtime assembly and the runtime has no public "component text to
/// binary" entry yet (the core one is <c>Module.ConvertText</c>), so it is bound by name here; a missing or
/// renamed method fails loudly (every <c>.wat</c> case would then report it) instead of silently skipping.
/// Replace with the public API once the runtime offers one.</remarks>
internal static class ComponentTextHook
{
    private static readonly Lazy<Func<string, byte[]>> s_encoder = new(Bind);

    public static Func<string, byte[]> Encoder => s_encoder.Value;

    private static Func<string, byte[]> Bind()
    {
        var type = typeof(WitSharp.Module).Assembly.GetType("WitSharp.Components.Text.ComponentWat", throwOnError: true)!;
        var parse = type.GetMethod("Parse", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, new[] { typeof(string) })
            ?? throw new MissingMethodException(type.FullName, "Parse(string)");
        var call = parse.CreateDelegate<Func<string, byte[]>>();
        return text =>
        {
            try
            {
                return call(text);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        };
    }
}

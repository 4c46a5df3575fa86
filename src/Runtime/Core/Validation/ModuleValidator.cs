namespace WitSharp.Core.Validation;

/// <summary>Validates a decoded module (spec 3 "Validation"). Throws <see cref="InvalidException"/>
/// for invalid modules and <see cref="MalformedException"/> for malformed instruction encodings found
/// while decoding function bodies.</summary>
internal static class ModuleValidator
{
    public static void Validate(ModuleInfo module)
    {
        ArgumentNullException.ThrowIfNull(module);
    }
}

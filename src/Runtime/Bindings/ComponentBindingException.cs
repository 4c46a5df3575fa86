namespace WitSharp;

/// <summary>A component does not match the bindings generated for it by <see cref="ComponentImportAttribute"/>:
/// an export the WIT world declares is missing, or has a different shape (number of parameters, whether it
/// returns a value). Raised once, when the component is loaded or pre-instantiated, never per call.</summary>
public sealed class ComponentBindingException : WasmException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="world">The WIT world the bindings were generated from.</param>
    /// <param name="export">The export (function or interface) that does not match, as the component names it.</param>
    /// <param name="reason">What is wrong with it.</param>
    public ComponentBindingException(string world, string export, string reason)
        : base($"the component does not match the bindings for world `{world}`: export `{export}` {reason}")
    {
        World = world;
        Export = export;
    }

    /// <summary>The WIT world the bindings were generated from.</summary>
    public string World { get; }

    /// <summary>The export that does not match.</summary>
    public string Export { get; }
}

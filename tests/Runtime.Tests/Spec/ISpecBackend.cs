using WitSharp.Core.Text;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>What a script needs from an engine: instantiate against the registered modules and the
/// <c>spectest</c> host module, register an instance under a name, invoke an export, read a global.
/// One backend instance serves one script (one store). Backends translate their errors into
/// <see cref="SpecTrap"/> and <see cref="SpecLinkError"/>; anything else is a crash of the engine.</summary>
internal interface ISpecBackend : IDisposable
{
    /// <summary>Instantiates a module (already validated by our front end) and returns the instance.</summary>
    object Instantiate(byte[] bytes);

    void Register(string name, object instance);

    IReadOnlyList<SpecValue> Invoke(object instance, string export, IReadOnlyList<WastValue> args);

    SpecValue Get(object instance, string export);
}

/// <summary>Execution trapped (spec "trap"); also raised when instantiation traps.</summary>
internal sealed class SpecTrap(TrapCode code, string message) : Exception(message)
{
    public TrapCode Code { get; } = code;
}

/// <summary>Linking failed: an import is missing or has the wrong type (spec "unlinkable").</summary>
internal sealed class SpecLinkError(string message) : Exception(message);

/// <summary>The backend cannot run at all (for example, its API is not in this build).</summary>
internal sealed class SpecBackendUnavailable(string message) : Exception(message);

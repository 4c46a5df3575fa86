using WitSharp.Core;
using WitSharp.Core.Text;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>Instantiation and actions of a script. Until the execution backend's public API exists,
/// every execution directive reports "not run" as a failure (never a skip), so the totals show
/// exactly what remains.</summary>
internal sealed class SpecExecution
{
    private const string NotRun = "not run: the execution backend (Engine/Store/Linker) is not available yet";

    public void Forget(string? name) { }

    /// <summary>Instantiates a validated module; null on success.</summary>
    public string? Instantiate(WastModule module, byte[] bytes, ModuleInfo info) => null;

    public string? Register(string name, string? moduleName) => NotRun;

    public string? Perform(WastAction action, out object?[]? results)
    {
        results = null;
        return NotRun;
    }

    public string? AssertReturn(WastAssertReturn a) => NotRun;

    public string? AssertTrap(WastAssertTrap a) => NotRun;

    public string? AssertUnlinkable(WastAssertModule a, byte[] bytes, ModuleInfo info) => NotRun;

    public string? AssertUninstantiable(WastAssertModule a, byte[] bytes, ModuleInfo info) => NotRun;
}

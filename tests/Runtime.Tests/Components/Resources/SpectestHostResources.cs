using WitSharp.Components;

namespace WitSharp.Runtime.Tests.Components.Resources;

/// <summary>
/// The host resources of wasmtime's wast runner (<c>link_component_spectest</c> in wasmtime's crates/wast), defined
/// in its <c>host</c> instance for the wasmtime-component-tests scripts: <c>resource1</c> (its destructor counts
/// drops and records the last rep), <c>resource2</c>, <c>resource1-again</c> (the same type under another name,
/// whose destructor must never run) and the functions over them. A failed host assertion traps the guest.
/// </summary>
internal static class SpectestHostResources
{
    /// <summary>Stand-in for wasmtime's host type <c>Resource1</c>.</summary>
    private sealed class Resource1;

    /// <summary>Stand-in for wasmtime's host type <c>Resource2</c>.</summary>
    private sealed class Resource2;

    public static void Define(ComponentLinkerInstance host)
    {
        uint drops = 0, lastDrop = 0;
        host.DefineResource("resource1", ResourceType.Host<Resource1>(), rep =>
        {
            drops++;
            lastDrop = rep;
        });
        host.DefineResource("resource2", ResourceType.Host<Resource2>(), null);
        host.DefineResource("resource1-again", ResourceType.Host<Resource1>(),
            _ => throw new TrapException(TrapCode.Undefined, "resource1-again shouldn't be destroyed"));
        host.DefineFunction("[constructor]resource1", (args, results) =>
            results[0] = ComponentValue.Own(Resource<Resource1>.NewOwn(args[0].AsU32())));
        host.DefineFunction("[static]resource1.assert", (args, _) =>
        {
            var r = args[0].AsResource<Resource1>();
            Check(r.Owned && r.Rep == args[1].AsU32(), $"resource1.assert: {r} does not have rep {args[1]}");
        });
        host.DefineFunction("[static]resource1.last-drop", (_, results) => results[0] = ComponentValue.U32(lastDrop));
        host.DefineFunction("[static]resource1.drops", (_, results) => results[0] = ComponentValue.U32(drops));
        host.DefineFunction("[method]resource1.simple", (args, _) =>
        {
            var r = args[0].AsResource<Resource1>();
            Check(!r.Owned && r.Rep == args[1].AsU32(), $"resource1.simple: {r} is not a borrow with rep {args[1]}");
        });
        host.DefineFunction("[method]resource1.take-borrow", (args, _) =>
            Check(!args[0].AsResource().Owned && !args[1].AsResource().Owned, "resource1.take-borrow: expected two borrows"));
        host.DefineFunction("[method]resource1.take-own", (args, _) =>
            Check(!args[0].AsResource().Owned && args[1].AsResource().Owned, "resource1.take-own: expected a borrow and an own"));
    }

    private static void Check(bool condition, string message)
    {
        if (!condition) throw new TrapException(TrapCode.Undefined, message);
    }
}

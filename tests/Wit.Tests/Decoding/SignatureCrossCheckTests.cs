using WitSharp.Wit.Abi;
using WitSharp.Wit.Decoding;
using WitSharp.Wit.Tests.Binary;

namespace WitSharp.Wit.Tests.Decoding;

/// <summary>
/// Ties the decoder to the ABI tables: the core signatures written by hand in embed/embed.wat (which
/// <c>jco new</c> validated against the world when it built the component) must be what
/// <see cref="CanonicalAbi.FlattenSignature(Resolve, Function, AbiContext, AbiOptions)"/> computes for the
/// decoded functions: exports as lifts, imports as lowers.
/// </summary>
public sealed class SignatureCrossCheckTests
{
    private static readonly DecodedWorld s_world = ComponentWit.DecodeComponent(Fixtures.Read("embed/embed.component.wasm"));

    private static readonly DecodedWorld s_resources = ComponentWit.DecodeComponent(Fixtures.Read("resources/resources.component.wasm"));

    [Theory]
    [InlineData("[constructor]blob", "(i32 i32) -> (i32)")]
    [InlineData("[method]blob.size", "(i32) -> (i32)")]
    [InlineData("[static]blob.merge", "(i32 i32) -> (i32)")]
    [InlineData("lookup", "(i32 i32) -> (i32)")]
    [InlineData("pairs", "() -> (i32)")]
    [InlineData("check", "(i32) -> (i32)")]
    public void Resource_interface_lifts_match_resources_wat(string name, string signature)
    {
        var r = s_resources.Resolve;
        var store = r.Interfaces[r.Packages[0].Interfaces.Get("store")];
        Assert.Equal(signature, CanonicalAbi.FlattenSignature(r, store.Functions.Get(name), AbiContext.Lift).ToString());
    }

    [Theory]
    [InlineData("now", "() -> (i64)")]
    [InlineData("current-mode", "() -> (i32)")]
    public void World_imports_lower_to_the_core_imports(string name, string signature)
    {
        var f = s_resources.Definition.Imports.Get(WorldKey.FromName(name)).Function!;
        Assert.Equal(signature, CanonicalAbi.FlattenSignature(s_resources.Resolve, f, AbiContext.Lower).ToString());
    }

    [Theory]
    [InlineData("add", "(i32 i32) -> (i32)")]
    [InlineData("run", "(i32 i32 i32) -> (i32)")]
    public void World_exports_lift_to_the_core_exports(string name, string signature)
    {
        var f = s_world.Definition.Exports.Get(WorldKey.FromName(name)).Function!;
        Assert.Equal(signature, CanonicalAbi.FlattenSignature(s_world.Resolve, f, AbiContext.Lift).ToString());
    }

    [Theory]
    [InlineData("calc", "sum", AbiContext.Lift, "(i32 i32) -> (i64)")]
    [InlineData("calc", "describe", AbiContext.Lift, "(i32 i32 i32 i64) -> (i32)")]
    [InlineData("host", "log", AbiContext.Lower, "(i32 i32) -> ()")]
    [InlineData("host", "origin", AbiContext.Lower, "(i32) -> ()")]
    [InlineData("host", "make-counter", AbiContext.Lower, "(i32) -> (i32)")]
    [InlineData("types", "[method]counter.get", AbiContext.Lower, "(i32) -> (i32)")]
    public void Interface_functions_match_the_core_module(string iface, string name, AbiContext context, string signature)
    {
        var r = s_world.Resolve;
        var i = r.Interfaces[r.Packages[0].Interfaces.Get(iface)];
        var sig = CanonicalAbi.FlattenSignature(r, i.Functions.Get(name), context);
        Assert.Equal(signature, sig.ToString());
    }
}

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

    [Theory]
    [InlineData("add", "(i32 i32) -> (i32)")]
    [InlineData("run", "(i32 i32 i32) -> (i32)")]
    public void World_exports_lift_to_the_core_exports(string name, string signature)
    {
        var f = s_world.WorldItem.Exports.Get(WorldKey.FromName(name)).Function!;
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

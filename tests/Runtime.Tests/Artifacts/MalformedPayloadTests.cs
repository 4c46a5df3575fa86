using WitSharp.Artifacts;
using WitSharp.Components;
using WitSharp.Runtime.Tests.Compilation;

namespace WitSharp.Runtime.Tests.Artifacts;

/// <summary>A payload that does not parse behind a valid checksum (a writer bug, never damage) is still an
/// <see cref="ArtifactException"/> with <see cref="ArtifactError.Corrupted"/>, never an index or decoder exception,
/// and nothing from it is loaded.</summary>
public class MalformedPayloadTests
{
    public static TheoryData<string> Payloads() => ["empty", "short", "no-type", "bad-module", "bad-encoding", "bad-deflate", "not-an-assembly", "trailing"];

    private static readonly Core.Compilation.MethodTokens NoTokens = new([], new Dictionary<uint, int>());

    private static byte[] Payload(string kind)
    {
        var stripped = Module.ConvertText("(module (func (export \"f\")))");
        var w = new PayloadWriter();
        switch (kind)
        {
            case "empty": break;
            case "short": w.U32(1000); break;
            case "no-type": w.Blob(stripped); break;
            case "bad-module": w.Blob([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 99]); w.String("WasmModule0"); w.Tokens(NoTokens); w.Byte(1); w.U32(0); w.Blob([]); break;
            case "bad-encoding": w.Blob(stripped); w.String("WasmModule0"); w.Tokens(NoTokens); w.Byte(7); w.U32(0); w.Blob([]); break;
            case "bad-deflate": w.Blob(stripped); w.String("WasmModule0"); w.Tokens(NoTokens); w.Byte(1); w.U32(10); w.Blob([1, 2, 3]); break;
            case "not-an-assembly": w.Blob(stripped); w.String("WasmModule0"); w.Tokens(NoTokens); CodeImage.Write(w, "not a PE image"u8.ToArray(), "x", WasmFixture.Engine); break;
            case "trailing": w.Blob(stripped); w.String("WasmModule0"); w.Tokens(NoTokens); w.Byte(1); w.U32(0); w.Blob([]); w.Byte(0); break;
        }
        return w.ToArray();
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Module_payload_that_does_not_parse_is_corrupted(string kind)
    {
        var bytes = ArtifactFormat.Write(ArtifactKind.Module, WasmFixture.Engine, Payload(kind));
        var e = Assert.Throws<ArtifactException>(() => Module.Deserialize(WasmFixture.Engine, "m", bytes));
        Assert.Equal(ArtifactError.Corrupted, e.Error);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Component_payload_that_does_not_parse_is_corrupted(string kind)
    {
        var bytes = ArtifactFormat.Write(ArtifactKind.Component, WasmFixture.Engine, Payload(kind));
        var e = Assert.Throws<ArtifactException>(() => Component.Deserialize(WasmFixture.Engine, bytes));
        Assert.Equal(ArtifactError.Corrupted, e.Error);
    }
}

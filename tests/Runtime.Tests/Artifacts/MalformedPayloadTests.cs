using WitSharp.Artifacts;
using WitSharp.Components;
using WitSharp.Runtime.Tests.Compilation;

namespace WitSharp.Runtime.Tests.Artifacts;

/// <summary>A payload that does not parse behind a valid checksum (a writer bug, never damage) is still an
/// <see cref="ArtifactException"/> with <see cref="ArtifactError.Corrupted"/>, never an index or decoder exception,
/// and nothing from it is loaded.</summary>
public class MalformedPayloadTests
{
    public static TheoryData<string> Payloads() => ["empty", "short", "bad-inflate", "no-type", "bad-module", "bad-encoding", "no-code", "bad-deflate", "not-an-assembly", "trailing"];

    private static readonly Core.Compilation.MethodTokens NoTokens = new([], [], []);

    /// <summary>A payload and a code section that pass the artifact's checksum but not their own parsing: the code
    /// hash is written correctly for the code section, so the failure is in what follows.</summary>
    private static (byte[] Payload, byte[] Code) Payload(string kind)
    {
        var stripped = Module.ConvertText("(module (func (export \"f\")))");
        var w = new PayloadWriter();
        byte[] code = [];
        void Code(byte encoding, int length, byte[] bytes)
        {
            w.Byte(encoding);
            w.U32(length);
            w.Bytes(System.Security.Cryptography.SHA256.HashData(bytes));
            code = bytes;
        }
        switch (kind)
        {
            case "empty": break;
            case "short": w.U32(1000); break;
            case "bad-inflate": w.U32(100); w.Blob([1, 2, 3]); break;
            case "no-type": w.Deflated(stripped); break;
            case "bad-module": w.Deflated([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 99]); w.String("WasmModule0"); w.Tokens(NoTokens); Code(1, 10, [1, 2, 3]); break;
            case "bad-encoding": w.Deflated(stripped); w.String("WasmModule0"); w.Tokens(NoTokens); Code(7, 10, [1, 2, 3]); break;
            case "no-code": w.Deflated(stripped); w.String("WasmModule0"); w.Tokens(NoTokens); Code(1, 0, []); break;
            case "bad-deflate": w.Deflated(stripped); w.String("WasmModule0"); w.Tokens(NoTokens); Code(1, 10, [1, 2, 3]); break;
            case "not-an-assembly": w.Deflated(stripped); w.String("WasmModule0"); w.Tokens(NoTokens); code = CodeImage.Write(w, "not a PE image"u8.ToArray(), "x", WasmFixture.Engine); break;
            case "trailing": w.Deflated(stripped); w.String("WasmModule0"); w.Tokens(NoTokens); Code(1, 10, [1, 2, 3]); w.Byte(0); break;
        }
        return (w.ToArray(), code);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Module_payload_that_does_not_parse_is_corrupted(string kind)
    {
        var (payload, code) = Payload(kind);
        var bytes = ArtifactFormat.Write(ArtifactKind.Module, WasmFixture.Engine, payload, code);
        var e = Assert.Throws<ArtifactException>(() => Module.Deserialize(WasmFixture.Engine, "m", bytes));
        Assert.Equal(ArtifactError.Corrupted, e.Error);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Component_payload_that_does_not_parse_is_corrupted(string kind)
    {
        var (payload, code) = Payload(kind);
        var bytes = ArtifactFormat.Write(ArtifactKind.Component, WasmFixture.Engine, payload, code);
        var e = Assert.Throws<ArtifactException>(() => Component.Deserialize(WasmFixture.Engine, bytes));
        Assert.Equal(ArtifactError.Corrupted, e.Error);
    }
}

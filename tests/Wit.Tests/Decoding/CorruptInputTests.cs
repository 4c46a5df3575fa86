using WitSharp.Wit.Binary;
using WitSharp.Wit.Decoding;
using WitSharp.Wit.Tests.Binary;

namespace WitSharp.Wit.Tests.Decoding;

/// <summary>Truncated and corrupted binaries must fail with <see cref="WitBinaryException"/> (or
/// <see cref="WitException"/>) carrying an offset inside the input, never with another exception type.
/// Every truncation point, single-byte corruptions (every position of the small fixtures) and seeded random
/// multi-byte corruptions are tried.</summary>
public sealed class CorruptInputTests
{
    public static TheoryData<string> Inputs => new()
    {
        "embed/embed.component.wasm", "embed/embed.embedded.wasm", "resources/resources.component.wasm",
        "resources/resources.embedded.wasm", "wasi/wasi.component.wasm", "wat/types.wasm", "witpkg/package.wasm", "witpkg/user.wasm",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_truncation_fails_typed(string fixture)
    {
        var bytes = Fixtures.Read(fixture);
        var failures = 0;
        for (var n = 0; n < bytes.Length; n++)
        {
            if (!DecodesOrFailsTyped(bytes.AsSpan(0, n).ToArray())) failures++;
        }
        Assert.Equal(0, failures);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_single_byte_corruption_fails_typed_or_decodes(string fixture)
    {
        var bytes = Fixtures.Read(fixture);
        var untyped = new List<string>();
        // Every position of the small fixtures; an even spread of about 4000 positions of larger ones.
        var step = Math.Max(1, bytes.Length / 4000);
        foreach (var value in new byte[] { 0xFF, 0x00, 0x80 })
        {
            for (var i = 0; i < bytes.Length; i += step)
            {
                var copy = (byte[])bytes.Clone();
                copy[i] = copy[i] == value ? (byte)(value ^ 1) : value;
                if (!DecodesOrFailsTyped(copy)) untyped.Add(i + "=" + value.ToString("x2"));
            }
        }
        Assert.Empty(untyped);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Random_multi_byte_corruption_fails_typed_or_decodes(string fixture)
    {
        var bytes = Fixtures.Read(fixture);
        var rng = new Random(1129);
        var untyped = new List<string>();
        for (var round = 0; round < 1000; round++)
        {
            var copy = (byte[])bytes.Clone();
            var edits = rng.Next(1, 5);
            for (var k = 0; k < edits; k++) copy[rng.Next(copy.Length)] = (byte)rng.Next(256);
            if (!DecodesOrFailsTyped(copy)) untyped.Add("round " + round);
        }
        Assert.Empty(untyped);
    }

    [Fact]
    public void Truncated_component_reports_the_offset_of_the_cut()
    {
        var bytes = Fixtures.Read("embed/embed.component.wasm");
        var cut = bytes.AsSpan(0, 100).ToArray();
        var e = Assert.Throws<WitBinaryException>(() => ComponentWit.DecodeComponent(cut));
        Assert.InRange(e.Offset, 0, 100);
    }

    /// <summary>True when decoding succeeded or failed with a typed exception whose offset lies in the input.</summary>
    private static bool DecodesOrFailsTyped(byte[] input)
    {
        try
        {
            if (Component.IsComponent(input))
            {
                ComponentWit.DecodeComponent(input);
                try
                {
                    ComponentWit.DecodePackage(input);
                }
                catch (WitBinaryException e) when (e.Offset >= 0 && e.Offset <= input.Length)
                {
                    // Most inputs are not packages; that this is reported typed is what counts.
                }
            }
            ComponentWit.DecodeCustomSections(input);
            return true;
        }
        catch (WitBinaryException e)
        {
            return e.Offset >= 0 && e.Offset <= input.Length;
        }
        catch (WitException)
        {
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }
}

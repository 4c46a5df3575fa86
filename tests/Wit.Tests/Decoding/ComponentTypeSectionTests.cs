using WitSharp.Wit.Binary;
using WitSharp.Wit.Decoding;
using WitSharp.Wit.Tests.Binary;

namespace WitSharp.Wit.Tests.Decoding;

/// <summary>
/// The <c>component-type</c> custom section <c>jco embed</c> wrote into embed/embed.embedded.wasm encodes
/// the whole <c>embedded</c> world of embed/world.wit. <c>jco wit</c> cannot print such a section (it panics on
/// a WIT package), so the reference here is the source itself: world.wit resolved by our resolver and printed
/// must equal the decoded section printed (exact text through <see cref="WitPrinter"/>).
/// </summary>
public sealed class ComponentTypeSectionTests
{
    private static readonly byte[] s_embedded = Fixtures.Read("embed/embed.embedded.wasm");

    [Fact]
    public void Embedded_core_module_carries_the_world()
    {
        var embedded = Assert.Single(ComponentWit.DecodeCustomSections(s_embedded));
        Assert.StartsWith("component-type", embedded.SectionName);
        Assert.Equal(StringEncoding.Utf8, embedded.StringEncoding);
        Assert.Equal("embedded", embedded.Definition.Name);
        Assert.Equal("test:abi@0.1.0", embedded.Resolve.Packages[embedded.Package].Name.ToString());
        Assert.Equal(["types", "host", "calc"], embedded.Resolve.Packages[embedded.Package].Interfaces.Keys);
        // Unlike the finished component, the section keeps the parts no core code uses.
        var types = embedded.Resolve.Interfaces[embedded.Resolve.Packages[embedded.Package].Interfaces.Get("types")];
        Assert.Contains("[constructor]counter", types.Functions.Keys);
    }

    [Theory]
    [InlineData("embed/embed.embedded.wasm", "embed/world.wit")]
    [InlineData("resources/resources.embedded.wasm", "resources/world.wit")]
    public void Decoded_section_prints_as_the_source_world(string module, string wit)
    {
        var source = new Resolve();
        var pkg = source.PushPath(Fixtures.PathOf(wit));
        // Docs are not compared: the section carries none (wit-component keeps them in a separate
        // `package-docs` section only when asked).
        var expected = new WitPrinter(source) { EmitDocs = false }.PrintPackage(pkg);

        var embedded = Assert.Single(ComponentWit.DecodeCustomSections(Fixtures.Read(module)));
        Assert.Equal(expected, new WitPrinter(embedded.Resolve) { EmitDocs = false }.PrintPackage(embedded.Package));
    }

    [Fact]
    public void Components_and_plain_modules_without_sections_give_nothing()
    {
        Assert.Empty(ComponentWit.DecodeCustomSections(Fixtures.Read("embed/embed.component.wasm")));
        Assert.Empty(ComponentWit.DecodeCustomSections(Fixtures.Read("embed/embed.core.wasm")));
    }

    [Fact]
    public void Old_metadata_version_is_rejected_with_its_offset()
    {
        var payload = new byte[] { 0xAA, 0x03, 0x00, 0x00 };
        var e = Assert.Throws<WitBinaryException>(() => ComponentWit.DecodeComponentTypeSection("component-type", new ArraySegment<byte>(payload, 1, 3)));
        Assert.Equal(1, e.Offset);
    }

    [Fact]
    public void Section_without_encoding_metadata_is_rejected()
    {
        // A bare component (preamble only): well-formed, but not the metadata format.
        var payload = new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00 };
        var e = Assert.Throws<WitBinaryException>(() => ComponentWit.DecodeComponentTypeSection("component-type", new ArraySegment<byte>(payload)));
        Assert.Contains("wit-component-encoding", e.Message);
    }
}

using System.Text;
using WitSharp.Tests;
using WitSharp.Wit.Binary;

namespace WitSharp.Wit.Tests.Resolution;

/// <summary>WIT packages encoded as components, as <c>deps/</c> entries and as the pushed path (reference:
/// wit-parser <c>Resolve::push_dir</c> → <c>parse_deps_dir</c> → <c>_push_file</c>, which decodes <c>.wasm</c>
/// and, through the text encoder, <c>.wat</c> files before adding the WIT text packages).</summary>
public sealed class WasmPackageDepsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "witsharp-wasmdeps-" + Guid.NewGuid().ToString("N"));

    // The corpus's kinds-of-deps/deps/e.wasm: package e:e with one empty interface `e`.
    private static readonly byte[] s_eWasm = File.ReadAllBytes(Path.Combine(RepoPaths.CorpusDir("wit-parser-ui"), "kinds-of-deps", "deps", "e.wasm"));

    private const string MainUsingE = "package a:a;\nworld a {\n  import e:e/e;\n}\n";

    public WasmPackageDepsTests() => Directory.CreateDirectory(Path.Combine(_dir, "deps"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(_dir, relative);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Binary_dep_is_decoded_and_added_before_text_packages()
    {
        Write("a.wit", MainUsingE);
        Write("deps/e.wasm", s_eWasm);
        var r = new Resolve();
        var main = r.PushPath(_dir);

        Assert.Equal(new[] { "e:e", "a:a" }, r.Packages.Select(p => p.Name.ToString()));
        Assert.Equal(1, main);
        var e = r.Interfaces.Single(i => i.Name == "e");
        Assert.Equal(0, e.Package);
        var world = r.Worlds.Single();
        Assert.Contains(world.Imports, kv => kv.Value.Kind == WorldItemKind.Interface && r.Interfaces[kv.Value.Id] == e);
    }

    [Fact]
    public void Contents_decide_not_the_extension()
    {
        // The reference sniffs the bytes (wat::Detect), so a package binary named .wit is still decoded.
        Write("a.wit", MainUsingE);
        Write("deps/e.wit", s_eWasm);
        var r = new Resolve();
        r.PushPath(_dir);
        Assert.Equal("e:e", r.Packages[0].Name.ToString());
    }

    [Fact]
    public void Binary_file_can_be_pushed_directly()
    {
        var path = Write("e.wasm", s_eWasm);
        var r = new Resolve();
        var id = r.PushPath(path);
        Assert.Equal("e:e", r.Packages[id].Name.ToString());
        Assert.Equal("e", r.Interfaces[r.Packages[id].Interfaces.Get("e")].Name);
    }

    [Fact]
    public void Text_dep_without_encoder_names_the_file_and_leaves_the_resolve_unchanged()
    {
        Write("a.wit", MainUsingE);
        var wat = Write("deps/e.wat", "(component (type $e (component (export \"e:e/e\" (instance)))) (export \"e\" (type $e)))");
        var r = new Resolve();
        var ex = Assert.Throws<WitException>(() => r.PushPath(_dir));
        Assert.Contains(wat, ex.Message);
        Assert.Contains("ComponentTextEncoder", ex.Message);
        Assert.Empty(r.Packages);
    }

    [Fact]
    public void Text_dep_goes_through_the_encoder()
    {
        Write("a.wit", MainUsingE);
        const string Text = ";; the e package\n(component (type $e (component (export \"e:e/e\" (instance)))) (export \"e\" (type $e)))";
        Write("deps/e.wat", Text);
        var seen = new List<string>();
        // A stand-in for the runtime's component text parser: maps this one text to its binary encoding.
        var r = new Resolve { ComponentTextEncoder = t => { seen.Add(t); return s_eWasm; } };
        r.PushPath(_dir);
        Assert.Equal(new[] { Text }, seen);
        Assert.Equal(new[] { "e:e", "a:a" }, r.Packages.Select(p => p.Name.ToString()));
    }

    [Fact]
    public void Encoder_failure_is_a_WitException_naming_the_file()
    {
        Write("a.wit", MainUsingE);
        var wat = Write("deps/e.wat", "(component (bogus))");
        var boom = new FormatException("unknown field `bogus` at 1:12");
        var r = new Resolve { ComponentTextEncoder = _ => throw boom };
        var ex = Assert.Throws<WitException>(() => r.PushPath(_dir));
        Assert.Contains(wat, ex.Message);
        Assert.Contains("unknown field `bogus` at 1:12", ex.Message);
        Assert.Same(boom, ex.InnerException);
        Assert.Empty(r.Packages);
    }

    [Fact]
    public void Corrupt_binary_dep_reports_file_and_byte_offset()
    {
        Write("a.wit", MainUsingE);
        var corrupt = s_eWasm.Take(s_eWasm.Length - 3).ToArray(); // cut inside the export section
        var path = Write("deps/e.wasm", corrupt);
        var r = new Resolve();
        var ex = Assert.Throws<WitException>(() => r.PushPath(_dir));
        var inner = Assert.IsType<WitBinaryException>(ex.InnerException);
        Assert.Contains(path, ex.Message);
        Assert.Contains("byte offset " + inner.Offset, ex.Message);
        Assert.InRange(inner.Offset, 8, corrupt.Length);
        Assert.Empty(r.Packages);
    }

    [Fact]
    public void A_component_that_is_not_a_package_is_rejected()
    {
        // An empty component (preamble only): no component-type exports, so not an encoded WIT package.
        var path = Write("c.wasm", new byte[] { 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00 });
        var ex = Assert.Throws<WitException>(() => new Resolve().PushPath(path));
        Assert.Contains(path, ex.Message);
        Assert.IsType<WitBinaryException>(ex.InnerException);
    }

    [Fact]
    public void Other_files_in_deps_are_ignored()
    {
        Write("a.wit", MainUsingE);
        Write("deps/e.wasm", s_eWasm);
        Write("deps/notes.txt", "(component) not a package");
        Write("deps/.DS_Store", new byte[] { 0, 0, 0, 1 });
        var r = new Resolve();
        r.PushPath(_dir);
        Assert.Equal(2, r.Packages.Count);
    }

    [Fact]
    public void Text_dep_through_the_runtime_parser()
    {
        // The encoder the tests supply (the runtime's component text parser), end to end.
        Write("a.wit", MainUsingE);
        Write("deps/e.wat", "(component\n  (type $e (component (export \"e:e/e\" (instance))))\n  (export \"e\" (type $e))\n)\n");
        var r = new Resolve { ComponentTextEncoder = Corpus.ComponentTextHook.Encoder };
        r.PushPath(_dir);
        Assert.Equal(new[] { "e:e", "a:a" }, r.Packages.Select(p => p.Name.ToString()));
    }

    [Fact]
    public void Malformed_text_dep_through_the_runtime_parser_names_the_file()
    {
        Write("a.wit", MainUsingE);
        var wat = Write("deps/e.wat", "(component\n  (type $e (component (export \"e:e/e\" (instance)))\n");
        var r = new Resolve { ComponentTextEncoder = Corpus.ComponentTextHook.Encoder };
        var ex = Assert.Throws<WitException>(() => r.PushPath(_dir));
        Assert.Contains(wat, ex.Message);
        Assert.NotNull(ex.InnerException);
        Assert.Empty(r.Packages);
    }
}

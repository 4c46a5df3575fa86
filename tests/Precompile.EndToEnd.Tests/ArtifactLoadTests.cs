using System.Diagnostics;
using WitSharp.Components;
using Xunit.Abstractions;

// The tests count types emitted into the process's dynamic assemblies; tests running beside them would add their own.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace WitSharp.Precompile.EndToEnd.Tests;

/// <summary>The generated Load(engine) of a component listed with <c>Precompile="true"</c> deserializes the
/// artifact the build embedded and compiles nothing; the control (a component without it) compiles.</summary>
public sealed class ArtifactLoadTests(ITestOutputHelper output)
{
    private const string CTypesPath = "../fixtures/components/ctypes/ctypes.wasm";

    [Fact]
    public void TheBuildEmbedsTheArtifactBesideTheWasm()
    {
        var names = CompiledCode.Resources(typeof(CTypes).Assembly);
        Assert.Contains(ComponentBindings.ComponentResourcePrefix + CTypesPath, names);
        Assert.Contains(ComponentBindings.ArtifactResourcePrefix + CTypesPath, names);
        // Without Precompile="true" only the .wasm is embedded.
        Assert.Contains(names, n => n.StartsWith(ComponentBindings.ComponentResourcePrefix, StringComparison.Ordinal) && n.EndsWith("kitchen.wasm", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.StartsWith(ComponentBindings.ArtifactResourcePrefix, StringComparison.Ordinal) && n.EndsWith("kitchen.wasm", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadCompilesNothingAndTheComponentRuns()
    {
        using var engine = new Engine();
        int before = CompiledCode.EmittedTypes(), emitters = CompiledCode.EmitAssemblies();
        var watch = Stopwatch.StartNew();
        var component = CTypes.Load(engine);
        watch.Stop();
        Assert.Equal(before, CompiledCode.EmittedTypes());
        // Not even the engine's Reflection.Emit assembly: binding loaded code needs only signature ids.
        Assert.Equal(emitters, CompiledCode.EmitAssemblies());
        output.WriteLine($"CTypes.Load from the artifact: {watch.Elapsed.TotalMilliseconds:F2} ms");

        using var store = new Store(engine);
        using var linker = new ComponentLinker(engine);
        using var c = CTypes.Instantiate(store, component, linker);
        Assert.Equal("olleh", c.Reverse("hello"));
        Assert.Equal(["a", "b", "", "c"], c.Split("a,b,,c", new System.Text.Rune(',')));
    }

    [Fact]
    public void WithoutPrecompileLoadCompiles()
    {
        using var engine = new Engine();
        int before = CompiledCode.EmittedTypes();
        _ = Kitchen.Load(engine);
        Assert.True(CompiledCode.EmittedTypes() > before, "compiling the embedded .wasm emits the core modules' code");
    }

    [Fact]
    public void LoadFromTheArtifactIsFasterThanCompiling()
    {
        // Both after a warm-up. Measured ~10x apart (2.7 vs 26.8 ms); only the order is asserted, since the
        // machine is shared.
        var wasm = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "ctypes.wasm"));
        using (var warm = new Engine())
        {
            _ = CTypes.Load(warm);
            _ = Component.FromBytes(warm, wasm);
        }
        using var engine = new Engine();
        var watch = Stopwatch.StartNew();
        _ = CTypes.Load(engine);
        var load = watch.Elapsed;
        watch.Restart();
        _ = Component.FromBytes(engine, wasm);
        var compile = watch.Elapsed;
        output.WriteLine($"ctypes ({wasm.Length} bytes): Load from artifact {load.TotalMilliseconds:F2} ms, Component.FromBytes {compile.TotalMilliseconds:F2} ms");
        Assert.True(load < compile, $"loading the artifact ({load.TotalMilliseconds:F2} ms) should be faster than compiling ({compile.TotalMilliseconds:F2} ms)");
    }
}

/// <summary>The build's artifact carries ReadyToRun native code (crossgen2, downloaded by restore): loading it writes
/// the image once to the engine's code cache directory and maps it from there, the only way the .NET runtime runs
/// an assembly's native code; without a cache directory the same artifact loads from bytes and is JIT-compiled.</summary>
public sealed class NativeCodeTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("witsharp-cache-test-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public void TheArtifactsCodeIsMappedFromTheCodeCache()
    {
        using var engine = new Engine(new Config().WithCodeCacheDirectory(_cache));
        var component = CTypes.Load(engine);
        var code = Assert.Single(component.CodeAssemblies);
        Assert.StartsWith(_cache, code.Location, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(_cache));
        Assert.Equal(file, code.Location);
        // A second engine reuses the file (same content, same name) and gets its own copy of the code's statics.
        using var other = new Engine(new Config().WithCodeCacheDirectory(_cache));
        var again = CTypes.Load(other);
        Assert.Equal(file, Assert.Single(again.CodeAssemblies).Location);
        Assert.NotSame(code, again.CodeAssemblies[0]);
        Assert.Single(Directory.GetFiles(_cache));
        // image_range: the whole mapped image, which holds the native code and the metadata.
        var (start, end) = component.ImageRange!.Value;
        Assert.True(end - start >= new FileInfo(file).Length * 9 / 10, $"image range {end - start} B for a {new FileInfo(file).Length} B file");
        unsafe
        {
            Assert.True(System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(code, out byte* metadata, out int length));
            Assert.True((nint)metadata >= start && (nint)metadata + length <= end, "the metadata lies inside the mapped image");
        }
        AssertRuns(other, again);
    }

    private static void AssertRuns(Engine engine, Component component)
    {
        using var store = new Store(engine);
        using var linker = new ComponentLinker(engine);
        using var c = CTypes.Instantiate(store, component, linker);
        Assert.Equal("olleh", c.Reverse("hello"));
    }

    [Fact]
    public void WithoutACodeCacheTheArtifactLoadsFromBytesAndRuns()
    {
        using var engine = new Engine(new Config().WithCodeCacheDirectory(null));
        var component = CTypes.Load(engine);
        Assert.Equal("", Assert.Single(component.CodeAssemblies).Location);
        AssertRuns(engine, component);
    }

    [Fact]
    public void AnUnwritableCodeCacheFallsBackToBytes()
    {
        // A path under a regular file can never be created as a directory.
        var blocker = Path.Combine(_cache, "file");
        File.WriteAllText(blocker, "");
        using var engine = new Engine(new Config().WithCodeCacheDirectory(Path.Combine(blocker, "cache")));
        var component = CTypes.Load(engine);
        Assert.Equal("", Assert.Single(component.CodeAssemblies).Location);
    }
}

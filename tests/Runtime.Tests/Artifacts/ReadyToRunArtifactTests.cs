using System.Reflection;
using WitSharp.Artifacts;
using WitSharp.Runtime.Tests.Compilation;

namespace WitSharp.Runtime.Tests.Artifacts;

/// <summary>Artifacts with ReadyToRun native code (<see cref="Config.WithReadyToRunCompiler"/>, crossgen2 downloaded
/// by this project's restore): the code is mapped from a file in the code cache, named by the code's hash; a load
/// that finds the file does not read the artifact's code section, one that does not checks the section's hash first;
/// engines keep their own signature ids; without a usable cache the same artifact runs as IL.</summary>
public sealed class ReadyToRunArtifactTests : IDisposable
{
    private static readonly string Crossgen2 = typeof(ReadyToRunArtifactTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Crossgen2").Value!;

    // apply(x, slot) calls slot 0 (double) or 1 (square) of a two-entry table through call_indirect.
    private const string Wat = ArtifactRoundTripTests.Wat;

    // One crossgen2 run (a few seconds) for the whole class.
    private static readonly Lazy<byte[]> s_artifact = new(() =>
        new Engine(new Config().WithReadyToRunCompiler(Crossgen2)).PrecompileModule(Module.ConvertText(Wat)));

    private readonly string _cache = Directory.CreateTempSubdirectory("witsharp-r2r-test-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private Engine CachingEngine() => new(new Config().WithCodeCacheDirectory(_cache));

    private static int Apply(Engine engine, Module module, int x, int slot) =>
        new Linker(engine).Instantiate(new Store(engine), module).GetFunction<int, int, int>("apply")!(x, slot);

    [Fact]
    public void The_artifact_carries_native_code_for_this_platform()
    {
        ArtifactFormat.ReadHeader(s_artifact.Value, out var payload, out var code);
        var r = new PayloadReader(payload);
        r.Inflated("module");
        r.String("type");
        r.Tokens();
        var image = CodeImage.Read(ref r, code, out var platform);
        Assert.Equal(ReadyToRunCompiler.Platform, platform);
        // A ReadyToRun image: the CLI header's ManagedNativeHeader directory is set.
        using var pe = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(image));
        Assert.NotEqual(0, pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
    }

    [Fact]
    public void Loading_maps_the_code_from_the_cache_and_runs_it()
    {
        var engine = CachingEngine();
        var module = Module.Deserialize(engine, "m", s_artifact.Value);
        var file = Assert.Single(Directory.GetFiles(_cache));
        Assert.Equal(file, module.Compiled.Type.Assembly.Location);
        Assert.Equal(14, Apply(engine, module, 7, 0));
        Assert.Equal(49, Apply(engine, module, 7, 1));
        Assert.Equal(TrapCode.TableOutOfBounds, Assert.Throws<TrapException>(() => Apply(engine, module, 7, 2)).Type);
    }

    [Fact]
    public void A_second_load_reuses_the_cache_file_and_does_not_read_the_code_section()
    {
        Module.Deserialize(CachingEngine(), "m", s_artifact.Value);
        var file = Assert.Single(Directory.GetFiles(_cache));
        var written = File.GetLastWriteTimeUtc(file);
        // Damage only the code section (the end of the artifact): the checksum over header and payload still
        // holds, and the cached image, named by the code's hash, is the code that runs.
        var damaged = s_artifact.Value.ToArray();
        damaged[^1] ^= 0xFF;
        var engine = CachingEngine();
        var module = Module.Deserialize(engine, "m", damaged);
        Assert.Equal(file, module.Compiled.Type.Assembly.Location);
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        Assert.Equal(36, Apply(engine, module, 6, 1));
        // Without the cached image the damaged section must be read, and its hash does not match.
        var cold = new Engine(new Config().WithCodeCacheDirectory(Path.Combine(_cache, "other")));
        Assert.Equal(ArtifactError.Corrupted, Assert.Throws<ArtifactException>(() => Module.Deserialize(cold, "m", damaged)).Error);
    }

    [Fact]
    public void A_cache_file_of_the_wrong_length_is_written_again()
    {
        // A partial file where the image belongs (never loaded by this process: the runtime keeps loaded images
        // by path, and cache files are never changed in place).
        ArtifactFormat.ReadHeader(s_artifact.Value, out _, out var code);
        var file = CodeCache.PathFor(_cache, System.Security.Cryptography.SHA256.HashData(code));
        File.WriteAllBytes(file, new byte[10]);
        var engine = CachingEngine();
        var module = Module.Deserialize(engine, "m", s_artifact.Value);
        Assert.True(new FileInfo(file).Length > 10);
        Assert.Equal(file, module.Compiled.Type.Assembly.Location);
        Assert.Equal(10, Apply(engine, module, 5, 0));
    }

    [Fact]
    public void Each_engine_binds_its_own_signature_ids_to_the_mapped_code()
    {
        foreach (int shift in new[] { 0, 4 })
        {
            var engine = CachingEngine();
            for (int i = 0; i < shift; i++)
                Module.FromText(engine, "pad", $"(module (func (param {string.Join(' ', Enumerable.Repeat("f64", i + 1))})))");
            var module = Module.Deserialize(engine, "m", s_artifact.Value);
            Assert.Equal(9, Apply(engine, module, 3, 1));
        }
        Assert.Single(Directory.GetFiles(_cache));
    }

    [Fact]
    public void Concurrent_first_loads_agree_on_one_cache_file()
    {
        // Every loader finds the cache empty, inflates and renames its own temporary file into place; the
        // renames replace each other atomically and every load maps a complete image.
        var results = new int[4];
        Parallel.For(0, results.Length, i =>
        {
            var engine = CachingEngine();
            results[i] = Apply(engine, Module.Deserialize(engine, "m", s_artifact.Value), i + 1, 1);
        });
        Assert.Equal([1, 4, 9, 16], results);
        Assert.Single(Directory.GetFiles(_cache)); // no temporary file left behind
    }

    [Fact]
    public void Without_a_cache_the_native_artifact_runs_as_IL()
    {
        var engine = new Engine(new Config().WithCodeCacheDirectory(null));
        var module = Module.Deserialize(engine, "m", s_artifact.Value);
        Assert.Equal("", module.Compiled.Type.Assembly.Location);
        Assert.Equal(16, Apply(engine, module, 8, 0));
    }

    [Fact]
    public void A_missing_ReadyToRun_compiler_is_reported_when_precompiling()
    {
        var engine = new Engine(new Config().WithReadyToRunCompiler(Path.Combine(_cache, "no-crossgen2")));
        var e = Assert.Throws<InvalidOperationException>(() => engine.PrecompileModule(Module.ConvertText(Wat)));
        Assert.Contains("no-crossgen2", e.Message);
    }
}

using System.Reflection;
using WitSharp.Core.Instances;

namespace WitSharp.Components;

// Where a component's compiled code lives and its prepared memory images (wasmtime Component::image_range and
// Component::initialize_copy_on_write_image), with their .NET meanings (docs/RATIONALE.md "Component code images").
public sealed partial class Component
{
    /// <summary>
    /// The assemblies holding this component's compiled code: the engine's dynamic (Reflection.Emit) assembly for
    /// code compiled from wasm in this process, or the assembly an artifact carried. The JIT turns IL methods into
    /// machine code on first call, in the runtime's code heap; an artifact with ReadyToRun code
    /// (<see cref="Config.WithReadyToRunCompiler"/>) loaded from the code cache has its machine code in the assembly's
    /// mapped image (its <see cref="Assembly.Location"/> is the cache file).
    /// </summary>
    public IReadOnlyList<Assembly> CodeAssemblies =>
        [.. Modules.Values.Select(m => m.Compiled.Type.Assembly).Distinct()];

    /// <summary>
    /// Where this component's compiled code lives in the host's address space as a loaded image (wasmtime
    /// <c>Component::image_range</c>), start inclusive, end exclusive. In .NET, saved compiled code is an assembly.
    /// When an artifact's ReadyToRun code was mapped from a file (the code cache), this is the whole mapped image,
    /// machine code included, as in wasmtime. Otherwise what the runtime holds of the assembly in one contiguous
    /// block is its metadata (type, method and signature tables that the IL and the JIT read), as
    /// <see cref="System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata"/> reports it; the JIT places
    /// machine code per method in the runtime's code heap, outside any image, so no range covers it (ask the
    /// runtime for a method's entry, <see cref="RuntimeMethodHandle.GetFunctionPointer"/>, instead). Null when the
    /// code was emitted in this process (a dynamic assembly is built in memory and has no image) or is spread over
    /// several assemblies.
    /// </summary>
    public (nint Start, nint End)? ImageRange
    {
        get
        {
            var assemblies = CodeAssemblies;
            return assemblies.Count == 1 ? ImageRangeOf(assemblies[0]) : null;
        }
    }

    /// <summary>The mapped image of <paramref name="assembly"/> when it holds ReadyToRun code loaded from a file, else
    /// its loaded metadata block; null for a dynamic assembly.</summary>
    internal static unsafe (nint Start, nint End)? ImageRangeOf(Assembly assembly)
    {
        if (assembly.IsDynamic) return null;
        if (!System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(assembly, out byte* blob, out int length))
            return null;
        if (assembly.Location.Length != 0 && MappedImage(assembly.Location, blob) is { } mapped) return mapped;
        return ((nint)blob, (nint)blob + length);
    }

    /// <summary>The extent of the image of <paramref name="path"/> when the runtime mapped it at its RVAs (ReadyToRun
    /// code loaded from a file): the metadata sits at base + its RVA, so the base follows from where the metadata
    /// is, and the image spans SizeOfImage bytes from there. Null when the image is not laid out that way.</summary>
    private static unsafe (nint Start, nint End)? MappedImage(string path, byte* metadata)
    {
        System.Reflection.PortableExecutable.PEHeaders headers;
        try
        {
            using var file = File.OpenRead(path);
            headers = new System.Reflection.PortableExecutable.PEHeaders(file);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return null;
        }
        // Only a ReadyToRun image is certain to be laid out at its RVAs (its native code runs in place); an IL-only
        // one may be mapped flat, where base + RVA would point elsewhere.
        if (headers.CorHeader is not { } cor || headers.PEHeader is not { } pe || cor.ManagedNativeHeaderDirectory.Size == 0) return null;
        byte* image = metadata - cor.MetadataDirectory.RelativeVirtualAddress;
        if (image[0] != (byte)'M' || image[1] != (byte)'Z') return null;
        return ((nint)image, (nint)image + pe.SizeOfImage);
    }

    /// <summary>
    /// Prepares the initial linear-memory image of every core module now (wasmtime
    /// <c>Component::initialize_copy_on_write_image</c>): the module's active data segments applied, in order, to
    /// one block, which each instantiation then copies into the fresh memory at once instead of copying every
    /// segment out of the module and then into memory. Without this call the image is prepared by the first
    /// instantiation; calling it moves that one-time cost to a moment of the host's choosing (start-up, or after
    /// <see cref="Deserialize"/>). Modules whose segments cannot be merged exactly (an imported memory, an offset
    /// read from a global, a segment that would trap, mostly-empty ranges) keep applying segments one by one.
    /// Idempotent and thread-safe.
    /// </summary>
    public void InitializeMemoryImages()
    {
        foreach (var module in Modules.Values) MemoryImage.For(module.Compiled.Info);
    }

    /// <summary>The compiled core modules, nested components' included.</summary>
    internal IEnumerable<Module> CoreModules => Modules.Values;

    /// <summary>How many core modules have a memory image (prepared, and applicable); for tests and diagnostics.</summary>
    internal int PreparedMemoryImageCount =>
        Modules.Values.Count(m => MemoryImage.IsPrepared(m.Compiled.Info) && MemoryImage.For(m.Compiled.Info) is not null);
}

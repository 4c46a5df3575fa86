using System.Reflection;
using WitSharp.Core.Instances;

namespace WitSharp.Components;

// Where a component's compiled code lives and its prepared memory images (wasmtime Component::image_range and
// Component::initialize_copy_on_write_image), with their .NET meanings (docs/RATIONALE.md "Component code images").
public sealed partial class Component
{
    /// <summary>
    /// The assemblies holding this component's compiled code: the engine's dynamic (Reflection.Emit) assembly for
    /// code compiled from wasm in this process, or the assembly an artifact carried. The JIT turns their methods
    /// into machine code on first call; that machine code lives in the runtime's code heap, not in any of them.
    /// </summary>
    public IReadOnlyList<Assembly> CodeAssemblies =>
        [.. Modules.Values.Select(m => m.Compiled.Type.Assembly).Distinct()];

    /// <summary>
    /// Where this component's compiled code lives in the host's address space as a loaded image (wasmtime
    /// <c>Component::image_range</c>), start inclusive, end exclusive. In .NET, saved compiled code is an assembly,
    /// and what the runtime holds of it in memory, in one contiguous block, is its metadata (type, method and
    /// signature tables that the IL and the JIT read); this is that block for the one assembly holding the code,
    /// as <see cref="System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata"/> reports it. The JIT places
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

    /// <summary>The loaded metadata block of <paramref name="assembly"/>, or null for a dynamic assembly.</summary>
    internal static unsafe (nint Start, nint End)? ImageRangeOf(Assembly assembly)
    {
        if (assembly.IsDynamic || !System.Reflection.Metadata.AssemblyExtensions.TryGetRawMetadata(assembly, out byte* blob, out int length))
            return null;
        return ((nint)blob, (nint)blob + length);
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

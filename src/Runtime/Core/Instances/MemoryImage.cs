using System.Runtime.CompilerServices;
using WitSharp.Core.Binary;
using WitSharp.Core.Compilation;

namespace WitSharp.Core.Instances;

/// <summary>
/// The prepared initial contents of a module's own linear memory (wasmtime's copy-on-write "memory image",
/// <c>Module::initialize_copy_on_write_image</c>): every active data segment applied, in order, to one byte
/// block, so that instantiation copies one block instead of copying each segment out of the module and then into
/// memory (spec 4.5.4 "Instantiation", step 15: the active data segments become <c>memory.init</c> + <c>data.drop</c>).
/// Segments are merged into runs (nearby ones with the zero gap between them), so a snapshot-style module with
/// thousands of small segments (componentize-js: 10,000 in 3.2 MB) copies a few blocks.
/// .NET cannot map a file copy-on-write into unmanaged memory portably, so the block is copied; what is saved is
/// the per-segment work and allocations on every instantiation.
/// <para>A module gets an image only when the result is identical to applying the segments one by one:</para>
/// <list type="bullet">
/// <item>it defines its memory (an imported memory has contents of its own, which the zero gaps of a block would
/// overwrite);</item>
/// <item>every active segment's offset is a plain <c>i32.const</c> (a <c>global.get</c> of an imported global is
/// only known at instantiation);</item>
/// <item>every segment fits in the memory's initial size, so none traps (a trapping segment must leave the
/// earlier ones written and the later ones not).</item>
/// </list>
/// Otherwise <see cref="For"/> returns null and instantiation applies the segments one by one as before.
/// </summary>
internal sealed class MemoryImage
{
    /// <summary>Segments closer than this are merged into one run (the zero bytes between them are copied too,
    /// which costs less than another copy call and keeps the number of runs small for snapshot-style modules that
    /// have thousands of small segments).</summary>
    private const int MergeGap = 4096;

    /// <summary>Runs from this size on are mapped copy-on-write from the image file (MemoryImageFile) or, without
    /// one, faulted in with one call before the copy (VirtualMemory.Prefault).</summary>
    private const int PrefaultThreshold = 64 * 1024;

    /// <summary>One entry per module info: the image, or a marker that the module has none. Weak, so images die
    /// with their modules; keyed on the module info so modules loaded from artifacts get images too.</summary>
    private static readonly ConditionalWeakTable<ModuleInfo, Holder> s_images = [];

    private MemoryImage(Run[] runs)
    {
        Runs = runs;
        if (runs.Any(r => r.Bytes.Length >= PrefaultThreshold)) _file = MemoryImageFile.Create(runs);
    }

    // The image as a file whose large runs are mapped copy-on-write instead of copied (Linux), or null.
    private readonly MemoryImageFile? _file;

    /// <summary>True when large runs are mapped copy-on-write from a file rather than copied (for tests).</summary>
    internal bool IsFileBacked => _file is not null;

    /// <summary>A block of initial memory contents at <c>Offset</c>; gaps between merged segments are zero.</summary>
    internal readonly record struct Run(uint Offset, byte[] Bytes);

    /// <summary>The blocks in ascending, non-overlapping order.</summary>
    public Run[] Runs { get; }

    /// <summary>Bytes held by the image (the segments' bytes plus the small gaps merged between them).</summary>
    public long ByteCount => Runs.Sum(r => (long)r.Bytes.Length);

    private sealed class Holder(MemoryImage? image)
    {
        public MemoryImage? Image { get; } = image;
    }

    /// <summary>True when the image for <paramref name="info"/> has been decided (built, or found not to apply).</summary>
    public static bool IsPrepared(ModuleInfo info) => s_images.TryGetValue(info, out _);

    /// <summary>Instantiations on this thread apply segments one by one (for tests and measurements comparing
    /// the two paths; the results must be identical).</summary>
    [ThreadStatic]
    internal static bool DisabledOnThisThread;

    /// <summary>The image of <paramref name="info"/>'s memory, built on first use, or null when the module has
    /// no active data segments or they cannot be merged exactly (see the class remarks).</summary>
    public static MemoryImage? For(ModuleInfo info) =>
        DisabledOnThisThread ? null
        : s_images.TryGetValue(info, out var h) ? h.Image : s_images.GetValue(info, static i => new Holder(Build(i))).Image;

    private static MemoryImage? Build(ModuleInfo info)
    {
        if (info.ImportedMemoryCount != 0 || info.Memories.Count != 1) return null;
        ulong memoryBytes = info.Memories[0].Limits.Min * MemoryInstance.PageSize;
        var offsets = new uint[info.Data.Count];
        // Arrays of an own struct rather than List<(ulong, ulong)>, LINQ and tuple sorting: instantiations over
        // framework value types are in no ReadyToRun image, so a precompiled component's first instantiation
        // JIT-compiled some 35 methods here (docs/benchmarks.md, precompiled artifacts).
        var ranges = new ByteRange[info.Data.Count];
        int count = 0;
        bool any = false;
        for (int i = 0; i < info.Data.Count; i++)
        {
            var seg = info.Data[i];
            if (seg.Mode != SegmentMode.Active) continue;
            if (seg.MemoryIndex != 0 || ConstantOffset(seg.Offset) is not uint offset) return null;
            ulong end = (ulong)offset + (ulong)seg.Bytes.Length;
            if (end > memoryBytes) return null;
            offsets[i] = offset;
            any = true;
            if (seg.Bytes.Length > 0) ranges[count++] = new ByteRange(offset, end);
        }
        if (!any) return null;
        // Merge the segments' ranges into runs, then write every segment, in declaration order, into its run:
        // a later segment overwrites an earlier one where they overlap, as applying them in order does.
        Array.Sort(ranges, 0, count);
        var merged = new ByteRange[count];
        int runCount = 0;
        for (int i = 0; i < count; i++)
        {
            var r = ranges[i];
            if (runCount > 0 && r.Start <= merged[runCount - 1].End + MergeGap)
                merged[runCount - 1] = new ByteRange(merged[runCount - 1].Start, Math.Max(merged[runCount - 1].End, r.End));
            else
                merged[runCount++] = r;
        }
        var runs = new Run[runCount];
        var starts = new uint[runCount];
        for (int i = 0; i < runCount; i++)
        {
            if (merged[i].End - merged[i].Start > int.MaxValue) return null;
            runs[i] = new Run((uint)merged[i].Start, new byte[merged[i].End - merged[i].Start]);
            starts[i] = runs[i].Offset;
        }
        for (int i = 0; i < info.Data.Count; i++)
        {
            var seg = info.Data[i];
            if (seg.Mode != SegmentMode.Active || seg.Bytes.Length == 0) continue;
            int k = Array.BinarySearch(starts, offsets[i]);
            if (k < 0) k = ~k - 1;
            seg.Bytes.Span.CopyTo(runs[k].Bytes.AsSpan((int)(offsets[i] - runs[k].Offset)));
        }
        return new MemoryImage(runs);
    }

    /// <summary>A byte range [Start, End) of the memory, ordered by start then end.</summary>
    private readonly record struct ByteRange(ulong Start, ulong End) : IComparable<ByteRange>
    {
        public int CompareTo(ByteRange other) => Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);
    }

    /// <summary>The offset when the expression is exactly <c>i32.const n; end</c>, else null.</summary>
    private static uint? ConstantOffset(ConstExpr? expr)
    {
        if (expr is null || expr.Code.Length < 2 || expr.Code.Span[0] != Opcode.I32Const) return null;
        var r = new WasmReader(expr.Code, expr.Offset) { Position = 1 };
        int value = r.ReadVarS32();
        return r.Remaining == 1 && r.ReadByte() == Opcode.End ? unchecked((uint)value) : null;
    }

    /// <summary>Writes the image into a fresh (zeroed) memory of at least the module's initial size.</summary>
    public unsafe void CopyInto(MemoryInstance memory)
    {
        foreach (var run in Runs)
        {
            // Checked in Build against the initial size; a fresh memory is never smaller.
            if ((ulong)run.Offset + (ulong)run.Bytes.Length > memory.Length) throw Trap.MemoryOutOfBounds();
            if (run.Bytes.Length >= PrefaultThreshold && _file is not null && _file.TryMap(memory, run)) continue;
            // The copy would take one page fault per 4 KiB of a fresh mapping; faulting the run's pages in with one
            // call first made componentize-js's instantiation (3.2 MB of image) 2.45 -> 1.65 ms (best of 200).
            if (run.Bytes.Length >= PrefaultThreshold && memory.IsPageBacked)
            {
                ulong page = (ulong)Environment.SystemPageSize;
                ulong first = run.Offset & ~(page - 1), end = ((ulong)run.Offset + (ulong)run.Bytes.Length + page - 1) & ~(page - 1);
                VirtualMemory.Prefault(memory.Base + first, Math.Min(end, memory.Length) - first);
            }
            run.Bytes.AsSpan().CopyTo(new Span<byte>(memory.Base + run.Offset, run.Bytes.Length));
        }
    }
}

using System.Buffers.Binary;
using System.Text;
using WitSharp.Wit.Binary;

namespace WitSharp.Components;

/// <summary>
/// The canonical ABI options in effect for one lift or lower (CanonicalABI.md <c>LiftLowerContext</c> /
/// <c>CanonicalOptions</c>): memory, realloc, post-return and string encoding, resolved to run-time objects.
/// </summary>
internal sealed class CanonicalOptions
{
    public CanonicalOptions(Memory? memory, Function? realloc, Function? postReturn, StringEncoding encoding, InstanceFlags? instance = null)
    {
        Memory = memory;
        Realloc = realloc;
        PostReturn = postReturn;
        StringEncoding = encoding;
        Instance = instance ?? new InstanceFlags();
    }

    /// <summary>The component instance the <c>canon</c> definition belongs to (CanonicalABI.md <c>cx.inst</c>).</summary>
    public InstanceFlags Instance { get; }

    public Memory? Memory { get; }
    public Function? Realloc { get; }
    public Function? PostReturn { get; }
    public StringEncoding StringEncoding { get; }
}

/// <summary>
/// Loads and stores component values in linear memory (CanonicalABI.md "Loading" and "Storing"). Flat core
/// values are carried as raw little-endian bits in a <c>ulong</c> (f32 as its 32-bit pattern), which makes the
/// variant <c>join</c> coercions of "Flat Lifting" plain truncations and zero-extensions.
/// </summary>
internal sealed partial class LiftLowerContext
{
    // CanonicalABI.md "Strings" / "Lists": MAX_STRING_BYTE_LENGTH and MAX_LIST_BYTE_LENGTH are 2^28-1 so that
    // doubling a length (transcoding worst cases) never overflows a 32-bit realloc size.
    internal const long MaxStringByteLength = StringRange.MaxByteLength;
    internal const long MaxListByteLength = (1L << 28) - 1;

    /// <summary><c>utf16_tag</c> for 32-bit memories: the high bit of a latin1+utf16 length marks UTF-16.</summary>
    internal const uint Utf16Tag = StringRange.Utf16Tag;

    private static readonly UTF8Encoding StrictUtf8 = StringRange.StrictUtf8;
    private static readonly UnicodeEncoding StrictUtf16 = StringRange.StrictUtf16;

    public LiftLowerContext(CanonicalOptions options, string where)
    {
        Options = options;
        Where = where;
    }

    public CanonicalOptions Options { get; }

    /// <summary>The function being called, for trap messages.</summary>
    public string Where { get; }

    /// <summary>When set, strings lifted by this context record their source encoding here, and strings lowered
    /// by it are transcoded from their recorded source exactly as <c>store_string_into_range</c> does. Setting it
    /// joins this context's memory to the call's (StringOrigins: one shared memory means snapshots).</summary>
    public StringOrigins? Origins
    {
        get;
        init
        {
            field = value;
            value?.Join(Options.Memory?.Instance);
        }
    }

    private Memory Memory => Options.Memory ?? throw new ComponentException($"{Where}: the canonical options have no `memory`");

    internal TrapException Trap(string what) => new(TrapCode.Unreachable, $"{Where}: {what}");

    private Span<byte> Bytes(long ptr, long length)
    {
        var memory = Memory;
        if (ptr < 0 || length < 0 || ptr + length > memory.GetLength())
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: pointer/length out of bounds of memory: {length} bytes at 0x{ptr:x} (memory is {memory.GetLength()} bytes)");
        return memory.GetSpan(ptr, (int)length);
    }

    /// <summary>The checks of "lift_flat_values" / "lower_flat_values" for a pointer to a whole value:
    /// <c>trap_if(ptr != align_to(ptr, alignment))</c>, <c>trap_if(ptr + size > len(memory))</c>.</summary>
    internal void CheckRange(long ptr, int alignment, long size, string what)
    {
        if (ptr % alignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{Where}: unaligned pointer: {what} pointer 0x{ptr:x} is not {alignment}-byte aligned");
        if (ptr + size > Memory.GetLength())
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: {what} pointer/length out of bounds of memory: {size} bytes at 0x{ptr:x} (memory is {Memory.GetLength()} bytes)");
    }

    /// <summary><c>cx.allocate</c> followed by the caller's alignment and bounds checks.</summary>
    internal long Allocate(int alignment, long size, string what) => Reallocate(0, 0, alignment, size, what);

    /// <summary>
    /// <c>cx.reallocate(old, old_size, alignment, new_size)</c> (CanonicalABI.md "Lifting and Lowering Context"):
    /// realloc runs with <c>may_leave</c> cleared, then its result is checked for alignment and bounds
    /// (every caller in the spec does <c>trap_if</c> on both).
    /// </summary>
    internal long Reallocate(long old, long oldSize, int alignment, long newSize, string what)
    {
        var realloc = Options.Realloc ?? throw new ComponentException($"{Where}: the canonical options have no `realloc` to store {what}");
        var inst = Options.Instance;
        object? result;
        inst.MayLeave = false;
        try
        {
            result = realloc.Invoke((int)(uint)old, (int)(uint)oldSize, alignment, (int)(uint)newSize);
        }
        finally
        {
            inst.MayLeave = true;
        }
        long ptr = (uint)(int)result!;
        if (ptr % alignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{Where}: realloc return: result not aligned (unaligned pointer 0x{ptr:x} for {what}, alignment {alignment})");
        if (ptr + newSize > Memory.GetLength())
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: realloc return: beyond end of memory ({what}: {newSize} bytes at 0x{ptr:x}, memory is {Memory.GetLength()} bytes); {(what.Contains("string", StringComparison.Ordinal) ? "string" : "list")} content out-of-bounds");
        return ptr;
    }

    // ---- load (CanonicalABI.md "Loading") ----

    public ComponentValue Load(long ptr, CanonType t)
    {
        var b = Bytes(ptr, t.Size);
        switch (t)
        {
            case PrimitiveCanonType p:
                switch (p.Kind)
                {
                    case ComponentValueKind.Bool: return ComponentValue.Bool(b[0] != 0);
                    case ComponentValueKind.S8: return ComponentValue.S8((sbyte)b[0]);
                    case ComponentValueKind.U8: return ComponentValue.U8(b[0]);
                    case ComponentValueKind.S16: return ComponentValue.S16(BinaryPrimitives.ReadInt16LittleEndian(b));
                    case ComponentValueKind.U16: return ComponentValue.U16(BinaryPrimitives.ReadUInt16LittleEndian(b));
                    case ComponentValueKind.S32: return ComponentValue.S32(BinaryPrimitives.ReadInt32LittleEndian(b));
                    case ComponentValueKind.U32: return ComponentValue.U32(BinaryPrimitives.ReadUInt32LittleEndian(b));
                    case ComponentValueKind.S64: return ComponentValue.S64(BinaryPrimitives.ReadInt64LittleEndian(b));
                    case ComponentValueKind.U64: return ComponentValue.U64(BinaryPrimitives.ReadUInt64LittleEndian(b));
                    case ComponentValueKind.F32: return LiftF32(BinaryPrimitives.ReadUInt32LittleEndian(b));
                    case ComponentValueKind.F64: return LiftF64(BinaryPrimitives.ReadUInt64LittleEndian(b));
                    case ComponentValueKind.Char: return LiftChar(BinaryPrimitives.ReadUInt32LittleEndian(b));
                    default:
                        return LoadString(BinaryPrimitives.ReadUInt32LittleEndian(b), BinaryPrimitives.ReadUInt32LittleEndian(b[4..]));
                }
            case ListCanonType { FixedLength: { } n } l:
                return LoadElements(ptr, n, l.Element);
            case ListCanonType l:
                return LoadList(BinaryPrimitives.ReadUInt32LittleEndian(b), BinaryPrimitives.ReadUInt32LittleEndian(b[4..]), l.Element);
            case RecordCanonType r:
            {
                var values = new ComponentValue[r.Fields.Count];
                for (int i = 0; i < values.Length; i++) values[i] = Load(ptr + r.Offsets[i], r.Fields[i]);
                return MakeRecord(r, values);
            }
            case VariantCanonType v:
            {
                uint disc = v.DiscriminantSize switch
                {
                    1 => b[0],
                    2 => BinaryPrimitives.ReadUInt16LittleEndian(b),
                    _ => BinaryPrimitives.ReadUInt32LittleEndian(b),
                };
                if (disc >= v.Cases.Count) throw BadDiscriminant(v, disc);
                var caseType = v.Cases[(int)disc];
                return MakeVariant(v, (int)disc, caseType is null ? null : Load(ptr + v.PayloadOffset, caseType));
            }
            case FlagsCanonType f:
            {
                uint bits = f.Size switch
                {
                    1 => b[0],
                    2 => BinaryPrimitives.ReadUInt16LittleEndian(b),
                    _ => BinaryPrimitives.ReadUInt32LittleEndian(b),
                };
                return MakeFlags(f, bits);
            }
            case HandleCanonType h:
                return LiftHandle(h, BinaryPrimitives.ReadUInt32LittleEndian(b));
            default:
                throw Unsupported(t);
        }
    }

    /// <summary>"load_list_from_range": length, alignment and bounds are checked before any element is read.</summary>
    public ComponentValue LoadList(uint ptr, uint length, CanonType element)
    {
        long byteLength = (long)length * element.Size;
        if (byteLength > MaxListByteLength)
            throw new TrapException(TrapCode.MemoryOutOfBounds, $"{Where}: list content out-of-bounds: {length} elements of {element.Size} bytes exceed MAX_LIST_BYTE_LENGTH");
        if (ptr % element.Alignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{Where}: unaligned pointer: list pointer 0x{ptr:x} is not {element.Alignment}-byte aligned");
        if (ptr + byteLength > Memory.GetLength())
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: list content out-of-bounds: list pointer/length out of bounds of memory ({length} elements at 0x{ptr:x}, memory is {Memory.GetLength()} bytes)");
        return LoadElements(ptr, (int)length, element);
    }

    /// <summary>"load_list_from_valid_range".</summary>
    private ComponentValue LoadElements(long ptr, int length, CanonType element)
    {
        var items = new ComponentValue[length];
        for (int i = 0; i < items.Length; i++) items[i] = Load(ptr + (long)i * element.Size, element);
        return ComponentValue.List(items);
    }

    // ---- value construction shared by load and flat lifting ----

    internal static ComponentValue LiftF32(uint bits)
    {
        // CanonicalABI.md "canonicalize_nan32": NaN payloads are not observable across the boundary.
        var f = BitConverter.UInt32BitsToSingle(bits);
        return ComponentValue.F32(float.IsNaN(f) ? BitConverter.UInt32BitsToSingle(0x7fc00000) : f);
    }

    internal static ComponentValue LiftF64(ulong bits)
    {
        var d = BitConverter.UInt64BitsToDouble(bits);
        return ComponentValue.F64(double.IsNaN(d) ? BitConverter.UInt64BitsToDouble(0x7ff8000000000000) : d);
    }

    internal ComponentValue LiftChar(uint i)
    {
        // CanonicalABI.md "convert_i32_to_char".
        if (i >= 0x110000 || i is >= 0xD800 and <= 0xDFFF) throw Trap($"invalid `char` bit pattern: 0x{i:x} is not a valid char (Unicode scalar value)");
        return ComponentValue.Char(i);
    }

    internal static ComponentValue MakeRecord(RecordCanonType r, ComponentValue[] values)
    {
        if (r.Labels is null) return ComponentValue.Tuple(values);
        var fields = new KeyValuePair<string, ComponentValue>[values.Length];
        for (int i = 0; i < values.Length; i++) fields[i] = new(r.Labels[i], values[i]);
        return ComponentValue.Record(fields);
    }

    internal static ComponentValue MakeVariant(VariantCanonType v, int caseIndex, ComponentValue? payload) => v.Kind switch
    {
        ComponentValueKind.Enum => ComponentValue.Enum(v.Labels[caseIndex]),
        ComponentValueKind.Option => caseIndex == 0 ? ComponentValue.None() : ComponentValue.Some(payload!),
        ComponentValueKind.Result => caseIndex == 0 ? ComponentValue.Ok(payload) : ComponentValue.Err(payload),
        _ => ComponentValue.Variant(v.Labels[caseIndex], payload),
    };

    internal static ComponentValue MakeFlags(FlagsCanonType f, uint bits)
    {
        // CanonicalABI.md "unpack_flags_from_int": bits beyond the last label are ignored, not trapped.
        var names = new List<string>();
        for (int i = 0; i < f.Labels.Count; i++)
        {
            if ((bits & (1u << i)) != 0) names.Add(f.Labels[i]);
        }
        return ComponentValue.Flags(names);
    }

    /// <summary>"load_variant" / "lift_flat_variant": <c>trap_if(case_index >= len(cases))</c>.</summary>
    internal TrapException BadDiscriminant(VariantCanonType v, uint disc) =>
        Trap($"invalid {Describe(v)} discriminant {disc}: invalid variant discriminant, discriminant {disc} out of range [0..{v.Cases.Count})");

    internal static string Describe(VariantCanonType v) => v.Kind.ToString().ToLowerInvariant();

    internal ComponentException Unsupported(CanonType t) =>
        new($"{Where}: values of kind {t.Kind} cannot be lifted or lowered yet");
}

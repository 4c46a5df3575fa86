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
    public CanonicalOptions(Memory? memory, Function? realloc, Function? postReturn, StringEncoding encoding)
    {
        Memory = memory;
        Realloc = realloc;
        PostReturn = postReturn;
        StringEncoding = encoding;
    }

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
    // CanonicalABI.md "Strings": lengths beyond 2^31-1 bytes trap; the high bit tags UTF-16 for latin1+utf16.
    private const long MaxStringByteLength = (1L << 31) - 1;
    private const uint Utf16Tag = 1u << 31;
    private const long MaxListByteLength = (1L << 28) - 1;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private static readonly UnicodeEncoding StrictUtf16 = new(false, false, true);

    public LiftLowerContext(CanonicalOptions options, string where)
    {
        Options = options;
        Where = where;
    }

    public CanonicalOptions Options { get; }

    /// <summary>The function being called, for trap messages.</summary>
    public string Where { get; }

    private Memory Memory => Options.Memory ?? throw new ComponentException($"{Where}: the canonical options have no `memory`");

    internal TrapException Trap(string what) => new(TrapCode.Unreachable, $"{Where}: {what}");

    private Span<byte> Bytes(long ptr, long length)
    {
        var memory = Memory;
        if (ptr < 0 || length < 0 || ptr + length > memory.GetLength())
            throw new TrapException(TrapCode.MemoryOutOfBounds,
                $"{Where}: out-of-bounds access of {length} bytes at 0x{ptr:x} (memory is {memory.GetLength()} bytes)");
        return memory.GetSpan(ptr, (int)length);
    }

    private void CheckAligned(long ptr, int alignment, string what)
    {
        if (ptr % alignment != 0)
            throw new TrapException(TrapCode.HeapMisaligned, $"{Where}: {what} pointer 0x{ptr:x} is not {alignment}-byte aligned");
    }

    /// <summary><c>realloc(0, 0, alignment, size)</c> with the result checked for alignment and bounds.</summary>
    internal long Allocate(int alignment, long size, string what)
    {
        var realloc = Options.Realloc ?? throw new ComponentException($"{Where}: the canonical options have no `realloc` to store {what}");
        var result = realloc.Invoke(0, 0, alignment, checked((int)size));
        long ptr = (uint)(int)result!;
        CheckAligned(ptr, alignment, "realloc result");
        Bytes(ptr, size);
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
                if (disc >= v.Cases.Count) throw Trap($"invalid {Describe(v)} discriminant {disc} ({v.Cases.Count} cases)");
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

    public ComponentValue LoadString(uint ptr, uint taggedCodeUnits)
    {
        int alignment;
        long byteLength;
        Encoding encoding;
        switch (Options.StringEncoding)
        {
            case StringEncoding.Utf8:
                alignment = 1; byteLength = taggedCodeUnits; encoding = StrictUtf8;
                break;
            case StringEncoding.Utf16:
                alignment = 2; byteLength = 2L * taggedCodeUnits; encoding = StrictUtf16;
                break;
            default:
                alignment = 2;
                if ((taggedCodeUnits & Utf16Tag) != 0) { byteLength = 2L * (taggedCodeUnits ^ Utf16Tag); encoding = StrictUtf16; }
                else { byteLength = taggedCodeUnits; encoding = Encoding.Latin1; }
                break;
        }
        if (byteLength > MaxStringByteLength) throw Trap($"string of {byteLength} bytes exceeds the maximum string length");
        CheckAligned(ptr, alignment, "string");
        var bytes = Bytes(ptr, byteLength);
        try
        {
            return ComponentValue.String(encoding.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            throw Trap($"string at 0x{ptr:x} is not valid {(encoding == StrictUtf8 ? "UTF-8" : "UTF-16")}");
        }
    }

    public ComponentValue LoadList(uint ptr, uint length, CanonType element)
    {
        long byteLength = (long)length * element.Size;
        if (byteLength > MaxListByteLength) throw Trap($"list of {length} elements exceeds the maximum list length");
        CheckAligned(ptr, element.Alignment, "list");
        Bytes(ptr, byteLength);
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
        if (i >= 0x110000 || i is >= 0xD800 and <= 0xDFFF) throw Trap($"0x{i:x} is not a valid char (Unicode scalar value)");
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

    internal static string Describe(VariantCanonType v) => v.Kind.ToString().ToLowerInvariant();

    internal ComponentException Unsupported(CanonType t) =>
        new($"{Where}: values of kind {t.Kind} cannot be lifted or lowered yet");
}

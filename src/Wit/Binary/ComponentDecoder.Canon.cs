namespace WitSharp.Wit.Binary;

/// <summary>Canonical definitions (Binary.md "Canonical Definitions"). Every listed form is decoded,
/// including the async (🔀), error-context (📝) and thread (🧵) built-ins, so consumers can report
/// "unsupported" precisely instead of "malformed".</summary>
public static partial class ComponentDecoder
{
    private static CanonDefinition ReadCanon(BinaryCursor c)
    {
        var offset = c.Position;
        var op = c.ReadByte();
        var kind = (CanonKind)op;
        switch (op)
        {
            case 0x00:
            {
                ExpectByte(c, 0x00, "canon lift must name a core func (0x00)");
                var f = c.ReadU32();
                var opts = ReadOptions(c);
                return new CanonDefinition(offset, kind, funcIndex: f, typeIndex: c.ReadU32(), options: opts);
            }

            case 0x01:
            {
                ExpectByte(c, 0x00, "canon lower must name a func (0x00)");
                var f = c.ReadU32();
                return new CanonDefinition(offset, kind, funcIndex: f, options: ReadOptions(c));
            }

            case 0x02: case 0x03: case 0x04:
            case 0x0E: case 0x13: case 0x14: case 0x15: case 0x1A: case 0x1B:
                return new CanonDefinition(offset, kind, typeIndex: c.ReadU32());
            case 0x05: case 0x0D: case 0x1E: case 0x1F: case 0x22: case 0x23:
            case 0x24: case 0x25: case 0x26: case 0x28:
                return new CanonDefinition(offset, kind);
            case 0x09:
            {
                var hasResult = ReadTaskReturnResult(c, out var result);
                return new CanonDefinition(offset, kind, options: ReadOptions(c), hasResult: hasResult, result: result);
            }

            case 0x0A: case 0x0B:
            {
                var t = ReadCoreValType(c);
                return new CanonDefinition(offset, kind, coreType: t, immediate: c.ReadU32());
            }

            case 0x06: case 0x0C: case 0x29: case 0x2A: case 0x2B: case 0x2C: case 0x2D: case 0x42:
                return new CanonDefinition(offset, kind, flag: c.ReadOptionFlag("canon flag"));
            case 0x0F: case 0x10: case 0x16: case 0x17:
            {
                var t = c.ReadU32();
                return new CanonDefinition(offset, kind, typeIndex: t, options: ReadOptions(c));
            }

            case 0x11: case 0x12: case 0x18: case 0x19:
            {
                var t = c.ReadU32();
                return new CanonDefinition(offset, kind, typeIndex: t, flag: c.ReadOptionFlag("async"));
            }

            case 0x1C: case 0x1D:
                return new CanonDefinition(offset, kind, options: ReadOptions(c));
            case 0x20: case 0x21:
            {
                var cancel = c.ReadOptionFlag("cancellable");
                return new CanonDefinition(offset, kind, flag: cancel, immediate: c.ReadU32());
            }

            case 0x27:
            {
                var ft = c.ReadU32();
                return new CanonDefinition(offset, kind, typeIndex: ft, tableIndex: c.ReadU32());
            }

            case 0x40:
            {
                var shared = c.ReadOptionFlag("shared");
                return new CanonDefinition(offset, kind, flag: shared, typeIndex: c.ReadU32());
            }

            case 0x41:
            {
                var shared = c.ReadOptionFlag("shared");
                var ft = c.ReadU32();
                return new CanonDefinition(offset, kind, flag: shared, typeIndex: ft, tableIndex: c.ReadU32());
            }

            default:
                throw BinaryCursor.Error("invalid canonical definition opcode 0x" + op.ToString("x2"), offset);
        }
    }

    private static bool ReadTaskReturnResult(BinaryCursor c, out ComponentValType result)
    {
        var at = c.Position;
        var b = c.ReadByte();
        if (b == 0x00)
        {
            result = ReadValType(c);
            return true;
        }

        if (b == 0x01 && c.ReadByte() == 0x00)
        {
            result = default;
            return false;
        }

        throw BinaryCursor.Error("invalid task.return result list", at);
    }

    private static void ExpectByte(BinaryCursor c, byte expected, string message)
    {
        var at = c.Position;
        if (c.ReadByte() != expected) throw BinaryCursor.Error(message, at);
    }

    /// <summary>The <c>canonopt</c> vector; a repeated or conflicting option is rejected here because
    /// no later stage could tell which one was meant (Binary.md notes).</summary>
    private static CanonOptions ReadOptions(BinaryCursor c)
    {
        var n = c.ReadCount();
        if (n == 0) return CanonOptions.Empty;
        StringEncoding? encoding = null;
        uint? memory = null, realloc = null, postReturn = null, callback = null;
        var isAsync = false;
        for (var i = 0; i < n; i++)
        {
            var at = c.Position;
            var b = c.ReadByte();
            switch (b)
            {
                case 0x00: case 0x01: case 0x02:
                    if (encoding is not null) throw BinaryCursor.Error("conflicting string-encoding options", at);
                    encoding = (StringEncoding)b;
                    break;
                case 0x03:
                    if (memory is not null) throw BinaryCursor.Error("duplicate memory option", at);
                    memory = c.ReadU32();
                    break;
                case 0x04:
                    if (realloc is not null) throw BinaryCursor.Error("duplicate realloc option", at);
                    realloc = c.ReadU32();
                    break;
                case 0x05:
                    if (postReturn is not null) throw BinaryCursor.Error("duplicate post-return option", at);
                    postReturn = c.ReadU32();
                    break;
                case 0x06:
                    if (isAsync) throw BinaryCursor.Error("duplicate async option", at);
                    isAsync = true;
                    break;
                case 0x07:
                    if (callback is not null) throw BinaryCursor.Error("duplicate callback option", at);
                    callback = c.ReadU32();
                    break;
                default:
                    throw BinaryCursor.Error("invalid canonical option 0x" + b.ToString("x2"), at);
            }
        }

        return new CanonOptions(encoding ?? StringEncoding.Utf8, memory, realloc, postReturn, isAsync, callback);
    }
}

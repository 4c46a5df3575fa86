namespace WitSharp.Core.Text;

/// <summary>The form a script module is written in (spec interpreter script syntax: <c>module</c>,
/// <c>module binary</c>, <c>module quote</c>).</summary>
internal enum WastModuleForm : byte
{
    Text,
    Binary,
    Quote,
}

/// <summary>A module in a script. It is encoded on demand, so a malformed module fails where the
/// runner expects it to (<c>assert_malformed</c>), not when the script is read.</summary>
internal sealed record WastModule(int Line, string? Name, WastModuleForm Form, SExpr Source)
{
    /// <summary>The binary module. Throws <see cref="MalformedException"/> for malformed text.</summary>
    public byte[] Encode() => WatParser.ModuleSource(Source);
}

internal enum WastActionKind : byte
{
    Invoke,
    Get,
}

/// <summary><c>(invoke $m? "name" arg*)</c> or <c>(get $m? "name")</c>.</summary>
internal sealed record WastAction(int Line, WastActionKind Kind, string? ModuleName, string Export, IReadOnlyList<WastValue> Args);

/// <summary>A constant argument. Numbers hold their bit patterns (<see cref="Lo"/>, and <see cref="Hi"/>
/// for the upper half of a v128); references hold null-ness and, for <c>ref.extern n</c>, n.</summary>
internal readonly record struct WastValue(ValType Type, ulong Lo, ulong Hi = 0, bool IsNull = false)
{
    public override string ToString() => Type switch
    {
        ValType.I32 => $"i32:{(int)(uint)Lo}",
        ValType.I64 => $"i64:{(long)Lo}",
        ValType.F32 => $"f32:{BitConverter.UInt32BitsToSingle((uint)Lo)}(0x{Lo:x8})",
        ValType.F64 => $"f64:{BitConverter.UInt64BitsToDouble(Lo)}(0x{Lo:x16})",
        ValType.V128 => $"v128:0x{Hi:x16}{Lo:x16}",
        _ => IsNull ? $"{Type.ToText()}:null" : $"{Type.ToText()}:{Lo}",
    };
}

internal enum WastResultKind : byte
{
    /// <summary>Exactly <see cref="WastResult.Value"/> (bitwise for floats).</summary>
    Value,
    /// <summary>A float NaN with the canonical payload (either sign).</summary>
    NanCanonical,
    /// <summary>A float NaN with the payload's top bit set (either sign).</summary>
    NanArithmetic,
    /// <summary>A v128 compared lane by lane (<see cref="WastResult.Lanes"/>, shape in <see cref="WastResult.LaneType"/>).</summary>
    V128Lanes,
    /// <summary><c>(ref.func)</c> or <c>(ref.extern)</c> without an argument: any non-null reference of the type.</summary>
    AnyRef,
    /// <summary><c>(either r*)</c>: one of the alternatives.</summary>
    Either,
}

/// <summary>An expected result of <c>assert_return</c>.</summary>
internal sealed record WastResult(WastResultKind Kind, ValType Type)
{
    public WastValue Value { get; init; }
    /// <summary>For <see cref="WastResultKind.V128Lanes"/>: the lane type (i8 lanes are I32 with 8-bit width, see <see cref="LaneBits"/>).</summary>
    public ValType LaneType { get; init; }
    public int LaneBits { get; init; }
    public IReadOnlyList<WastResult> Lanes { get; init; } = [];
    public IReadOnlyList<WastResult> Alternatives { get; init; } = [];

    public override string ToString() => Kind switch
    {
        WastResultKind.Value => Value.ToString(),
        WastResultKind.NanCanonical => $"{Type.ToText()}:nan:canonical",
        WastResultKind.NanArithmetic => $"{Type.ToText()}:nan:arithmetic",
        WastResultKind.V128Lanes => $"v128:[{string.Join(" ", Lanes)}]",
        WastResultKind.AnyRef => $"{Type.ToText()}:non-null",
        _ => $"either({string.Join(", ", Alternatives)})",
    };
}

/// <summary>One script command; <see cref="Line"/> is its 1-based line in the .wast file.</summary>
internal abstract record WastCommand(int Line);

internal sealed record WastModuleCommand(WastModule Module) : WastCommand(Module.Line);

internal sealed record WastRegister(int Line, string Name, string? ModuleName) : WastCommand(Line);

/// <summary>A bare action at the top level: its result is ignored, but a trap fails the command.</summary>
internal sealed record WastActionCommand(WastAction Action) : WastCommand(Action.Line);

internal sealed record WastAssertReturn(int Line, WastAction Action, IReadOnlyList<WastResult> Expected) : WastCommand(Line);

/// <summary><c>assert_trap</c> on an action, or <c>assert_exhaustion</c> when <see cref="Exhaustion"/>.</summary>
internal sealed record WastAssertTrap(int Line, WastAction Action, string Message, bool Exhaustion = false) : WastCommand(Line);

internal enum WastModuleAssertion : byte
{
    Invalid,
    Malformed,
    Unlinkable,
    /// <summary><c>assert_uninstantiable</c>, or <c>assert_trap</c> on a module: instantiation (start) traps.</summary>
    Uninstantiable,
}

internal sealed record WastAssertModule(int Line, WastModuleAssertion Kind, WastModule Module, string Message) : WastCommand(Line);

using System.Text;
using WitSharp.Components;
using WitSharp.Tests;
using T = WitSharp.Components.ComponentValueType;

namespace WitSharp.Runtime.Tests.Components.Typed;

/// <summary>
/// The typed path against a real component: tests/fixtures/components/ctypes (C compiled with clang, wrapped by
/// <c>jco new</c>), whose behaviour its WIT documents. Covers what echo.wat cannot: a guest-written canonical ABI
/// with its own realloc and post-return, 6 mixed scalar parameters, nested options, a record with lists and
/// options inside, and results without payloads.
/// </summary>
public sealed class CTypesTypedTests
{
    private static readonly Lazy<(Engine Engine, Component Component)> s_component = new(() =>
    {
        var engine = new Engine();
        var path = Path.Combine(RepoPaths.Root, "tests", "fixtures", "components", "ctypes", "ctypes.wasm");
        return (engine, Component.FromFile(engine, path));
    });

    private readonly ComponentInstance _instance = Instantiate();

    private static ComponentInstance Instantiate()
    {
        var (engine, component) = s_component.Value;
        var linker = new ComponentLinker(engine);
        linker.DefineUnknownImportsAsTraps(component);
        return linker.Instantiate(new Store(engine), component);
    }

    private TypedComponentFunction<TP, TR> F<TP, TR>(string name) =>
        _instance.GetTypedFunction<TP, TR>(name) ?? throw new InvalidOperationException($"no export `{name}`");

    [Fact]
    public void Strings_and_lists()
    {
        Assert.Equal("olléh 😀", F<string, string>("reverse").Call("😀 héllo"));
        Assert.Equal(["a", "b", "", "ç"], F<(string, Rune), string[]>("split").Call(("a,b,,ç", new Rune(','))));
        Assert.Equal("a-b-c", F<(string[], string), string>("join").Call((["a", "b", "c"], "-")));
        Assert.Equal(ulong.MaxValue, F<ulong[], ulong>("sum").Call([1, 2, ulong.MaxValue - 3]));
        Assert.Equal([0xfe, 0xfd, 0x00], F<(byte[], byte), byte[]>("xor-bytes").Call(([1, 2, 0xff], 0xff)));
    }

    [Fact]
    public void Options_and_results()
    {
        var stats = F<double[], (double, double, double)?>("stats");
        Assert.Equal((1.0, 4.0, 2.5), stats.Call([4, 1, 3, 2]));
        Assert.Null(stats.Call([]));
        Assert.Equal(1u, F<(string[], string), uint?>("find").Call((["a", "b"], "b")));
        Assert.Null(F<(string[], string), uint?>("find").Call((["a"], "z")));
        Assert.Equal(Result<int, string>.Ok(-42), F<string, Result<int, string>>("parse").Call("-42"));
        Assert.True(F<string, Result<int, string>>("parse").Call("4x").IsErr);
        Assert.Equal(Result<int, ValueTuple>.Ok(3), F<(int, int), Result<int, ValueTuple>>("checked-div").Call((7, 2)));
        Assert.True(F<(int, int), Result<int, ValueTuple>>("checked-div").Call((1, 0)).IsErr);
        var deep = F<Option<byte?>, Option<byte?>>("deep");
        Assert.Equal(Option<byte?>.Some(null), deep.Call(Option<byte?>.None));
        Assert.Equal(Option<byte?>.Some(0), deep.Call(Option<byte?>.Some(null)));
        Assert.Equal(Option<byte?>.None, deep.Call(Option<byte?>.Some(255)));
        Assert.Equal(Option<byte?>.Some(8), deep.Call(Option<byte?>.Some(7)));
    }

    [Fact]
    public void Enums_flags_and_mixed_scalars()
    {
        Assert.Equal(Level.Low, F<long, Level>("classify").Call(-1));
        Assert.Equal(Level.High, F<long, Level>("classify").Call(100));
        Assert.Equal(Perms.Write | Perms.Exec, F<(Perms, Perms), Perms>("toggle").Call((Perms.Read | Perms.Write, Perms.Read | Perms.Exec)));
        var mix = F<(byte, short, uint, float, Rune, bool), (byte, short, uint, float, Rune, bool)>("mix");
        Assert.Equal(((byte)250, (short)-300, ~7u, 1.25f, new Rune('é'), false), mix.Call((5, 300, 7, 2.5f, new Rune('é'), true)));
    }

    [Fact]
    public void A_record_with_lists_and_options_inside()
    {
        var birthday = F<CPerson, CPerson>("birthday");
        var p = birthday.Call(new CPerson("Ada", 36, ["x"], "ADA@EXAMPLE.ORG"));
        Assert.Equal(("Ada", (byte)37, "ada@example.org"), (p.Name, p.Age, p.Email));
        Assert.Equal(["x", "older"], p.Tags);
        var q = birthday.Call(new CPerson("Old", 255, [], null));
        Assert.Equal((byte)255, q.Age);
        Assert.Null(q.Email);
    }

    public enum Level { Low, Mid, High }

    [Flags]
    public enum Perms { Read = 1, Write = 2, Exec = 4 }
}

/// <summary><c>record person { name: string, age: u8, tags: list&lt;string&gt;, email: option&lt;string&gt; }</c>, written
/// as generated code would: every field through a cached built-in marshaler, at the type's offsets.</summary>
public sealed record CPerson(string Name, byte Age, string[] Tags, string? Email) : IComponentType<CPerson>
{
    public static T ComponentType { get; } =
        T.Record(("name", T.String), ("age", T.U8), ("tags", T.List(T.String)), ("email", T.Option(T.String)));

    private static readonly ComponentMarshaler<string> NameM = ComponentMarshaler.Create<string>(T.String);
    private static readonly ComponentMarshaler<byte> AgeM = ComponentMarshaler.Create<byte>(T.U8);
    private static readonly ComponentMarshaler<string[]> TagsM = ComponentMarshaler.Create<string[]>(T.List(T.String));
    private static readonly ComponentMarshaler<string?> EmailM = ComponentMarshaler.Create<string?>(T.Option(T.String));

    public static void LowerFlat(CanonicalContext cx, in CPerson value, Span<ulong> flat)
    {
        NameM.LowerFlat(cx, value.Name, flat);
        AgeM.LowerFlat(cx, value.Age, flat[2..]);
        TagsM.LowerFlat(cx, value.Tags, flat[3..]);
        EmailM.LowerFlat(cx, value.Email, flat[5..]);
    }

    public static void Store(CanonicalContext cx, in CPerson value, uint ptr)
    {
        NameM.Store(cx, value.Name, ptr + (uint)ComponentType.GetFieldOffset(0));
        AgeM.Store(cx, value.Age, ptr + (uint)ComponentType.GetFieldOffset(1));
        TagsM.Store(cx, value.Tags, ptr + (uint)ComponentType.GetFieldOffset(2));
        EmailM.Store(cx, value.Email, ptr + (uint)ComponentType.GetFieldOffset(3));
    }

    public static CPerson LiftFlat(CanonicalContext cx, ReadOnlySpan<ulong> flat) =>
        new(NameM.LiftFlat(cx, flat), AgeM.LiftFlat(cx, flat[2..]), TagsM.LiftFlat(cx, flat[3..]), EmailM.LiftFlat(cx, flat[5..]));

    public static CPerson Load(CanonicalContext cx, uint ptr) =>
        new(NameM.Load(cx, ptr + (uint)ComponentType.GetFieldOffset(0)), AgeM.Load(cx, ptr + (uint)ComponentType.GetFieldOffset(1)),
            TagsM.Load(cx, ptr + (uint)ComponentType.GetFieldOffset(2)), EmailM.Load(cx, ptr + (uint)ComponentType.GetFieldOffset(3)));
}

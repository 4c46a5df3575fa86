using System.Text;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components.Abi;

/// <summary>
/// Strings crossing between two components with every pair of <c>string-encoding</c> options (CanonicalABI.md
/// "store_string_into_range"): the caller lowers with one encoding, the callee lifts with another, and the
/// string comes back through the callee's result. The callee's realloc calls are counted and compared with the
/// allocation sequence the spec's algorithm makes for that source encoding.
/// </summary>
public sealed class TranscodeTests
{
    private static readonly string[] Samples = ["", "abc", "héllo wörld", "☃ snow", "🍰cake", "ÿ\u0100", "aé☃🍰"];

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var caller in new[] { "utf8", "utf16", "latin1+utf16" })
        {
            foreach (var callee in new[] { "utf8", "utf16", "latin1+utf16" }) data.Add(caller, callee);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Strings_round_trip_between_components(string callerEncoding, string calleeEncoding)
    {
        var instance = AbiWat.Instantiate(Component(callerEncoding, calleeEncoding));
        var run = instance.Func("run");
        var count = instance.Func("callee-realloc-count");
        foreach (var s in Samples)
        {
            uint before = count.Call()!.AsU32();
            Assert.Equal(s, run.Call(V.String(s))!.AsString());
            uint calls = count.Call()!.AsU32() - before;
            Assert.True(ExpectedReallocs(callerEncoding, calleeEncoding, s) == calls,
                $"{callerEncoding} -> {calleeEncoding} \"{s}\": expected {ExpectedReallocs(callerEncoding, calleeEncoding, s)} realloc calls in the callee, got {calls}");
            Assert.Equal(s, instance.Func("echo").Call(V.String(s))!.AsString());
        }
    }

    /// <summary>A host string (the dynamic path, Typed.StringMarshaler.Lower) is stored with one exact allocation in
    /// every encoding; an unpaired surrogate is the host's error, raised before the callee runs, which stays usable.</summary>
    [Theory]
    [InlineData("utf8")]
    [InlineData("utf16")]
    [InlineData("latin1+utf16")]
    public void Host_strings_take_one_allocation_and_unpaired_surrogates_are_the_hosts_error(string calleeEncoding)
    {
        var instance = AbiWat.Instantiate(Component("utf8", calleeEncoding));
        var echo = instance.Func("echo");
        var count = instance.Func("callee-realloc-count");
        foreach (var s in Samples)
        {
            uint before = count.Call()!.AsU32();
            Assert.Equal(s, echo.Call(V.String(s))!.AsString());
            Assert.Equal(1u, count.Call()!.AsU32() - before);
        }
        Assert.Throws<ArgumentException>(() => echo.Call(V.String("é\uD800")));
        Assert.Throws<ArgumentException>(() => echo.Call(V.String("\uDC00☃")));
        Assert.Equal("ok ☃", echo.Call(V.String("ok ☃"))!.AsString());
    }

    /// <summary>The number of realloc calls store_string_into_range makes (spec algorithms restated).</summary>
    internal static uint ExpectedReallocs(string src, string dst, string s)
    {
        bool ascii = s.All(c => c < 0x80), latin1 = s.All(c => c <= 0xff);
        int u8 = Encoding.UTF8.GetByteCount(s), u16 = s.Length;
        string simple = src == "latin1+utf16" ? (latin1 ? "latin1" : "utf16") : src;
        int units = simple == "utf8" ? u8 : u16;
        switch (dst)
        {
            case "utf8":
                if (simple == "utf8" || ascii) return 1;
                return (uint)(2 + ((simple == "utf16" ? 3 : 2) * units > u8 ? 1 : 0));
            case "utf16":
                return (uint)(simple == "utf8" && 2 * u16 < 2 * u8 ? 2 : 1);
            default:
                if (src == "latin1+utf16") return 1;
                if (latin1) return (uint)(1 + (s.Length < units ? 1 : 0));
                return (uint)(2 + (2 * units > 2 * u16 ? 1 : 0));
        }
    }

    private static string Component(string caller, string callee) => $$"""
        (component
          (component $Callee
            (core module $m
              (memory (export "mem") 1)
              {{AbiWat.Libc}}
              (func (export "echo") (param i32 i32) (result i32)
                (i32.store (i32.const 16) (local.get 0))
                (i32.store (i32.const 20) (local.get 1))
                (i32.const 16)))
            (core instance $i (instantiate $m))
            (func (export "echo") (param "s" string) (result string)
              (canon lift (core func $i "echo") string-encoding={{callee}}
                (memory (core memory $i "mem")) (realloc (core func $i "realloc"))))
            (func (export "realloc-count") (result u32) (canon lift (core func $i "realloc-count"))))
          (component $Caller
            (import "echo" (func $echo (param "s" string) (result string)))
            (core module $libc
              (memory (export "mem") 1)
              {{AbiWat.Libc}})
            (core instance $libc (instantiate $libc))
            (core func $echo' (canon lower (func $echo) string-encoding={{caller}}
              (memory (core memory $libc "mem")) (realloc (core func $libc "realloc"))))
            (core module $main
              (import "" "echo" (func $echo (param i32 i32 i32)))
              (func (export "run") (param i32 i32) (result i32)
                (call $echo (local.get 0) (local.get 1) (i32.const 8))
                (i32.const 8)))
            (core instance $main (instantiate $main (with "" (instance (export "echo" (func $echo'))))))
            (func (export "run") (param "s" string) (result string)
              (canon lift (core func $main "run") string-encoding={{caller}}
                (memory (core memory $libc "mem")) (realloc (core func $libc "realloc")))))
          (instance $callee (instantiate $Callee))
          (instance $caller (instantiate $Caller (with "echo" (func $callee "echo"))))
          (export "run" (func $caller "run"))
          (export "echo" (func $callee "echo"))
          (export "callee-realloc-count" (func $callee "realloc-count")))
        """;
}

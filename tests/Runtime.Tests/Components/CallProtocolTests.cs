using WitSharp.Components;
using V = WitSharp.Components.ComponentValue;

namespace WitSharp.Runtime.Tests.Components;

/// <summary>The calling protocol of canon lift / canon lower: spilling beyond MAX_FLAT_PARAMS and
/// MAX_FLAT_RESULTS, realloc, post-return, host imports, and traps on invalid guest values.</summary>
public sealed class CallProtocolTests
{
    private readonly ComponentTestHost _h = new();

    [Fact]
    public void Seventeen_parameters_spill_to_memory_allocated_by_realloc()
    {
        uint before = _h.Call("realloc-count").AsU32();
        var args = Enumerable.Range(1, 17).Select(i => V.U32((uint)i)).ToArray();
        Assert.Equal(153u, _h.Call("sum17", args).AsU32());
        Assert.Equal(before + 1, _h.Call("realloc-count").AsU32());
    }

    [Fact]
    public void Realloc_is_called_once_per_lowered_string_or_list()
    {
        uint before = _h.Call("realloc-count").AsU32();
        _h.Call("echo-list-string", V.List(V.String("a"), V.String("b")));
        // One allocation for the list, one per element string.
        Assert.Equal(before + 3, _h.Call("realloc-count").AsU32());
    }

    [Fact]
    public void Post_return_runs_after_the_results_are_lifted()
    {
        uint before = _h.Call("post-count").AsU32();
        _h.Call("echo-string", V.String("x"));
        _h.Call("echo-string", V.String("y"));
        _h.Call("echo-list", V.List());
        Assert.Equal(before + 2, _h.Call("post-count").AsU32());
    }

    [Fact]
    public void Host_import_with_string_arguments_and_spilled_result()
    {
        Assert.Equal("héllo!", _h.Call("call-host-echo", V.String("héllo")).AsString());
        Assert.Equal(["héllo"], _h.HostEchoArgs);
    }

    [Fact]
    public void Host_import_from_an_imported_interface()
    {
        Assert.Equal(12u, _h.Call("call-host-add", V.U32(5), V.U32(7)).AsU32());
    }

    [Fact]
    public void Host_import_with_seventeen_parameters_reads_them_from_memory()
    {
        uint expected = 0;
        for (uint i = 1; i <= 17; i++) expected = expected * 3 + i;
        Assert.Equal(expected, _h.Call("call-host-sum17").AsU32());
    }

    [Theory]
    [InlineData("bad-enum", "invalid enum discriminant 3")]
    [InlineData("bad-option", "invalid option discriminant 2")]
    [InlineData("bad-utf8", "is not valid UTF-8")]
    [InlineData("oob-string", "out-of-bounds")]
    [InlineData("misaligned-list", "list pointer 0x1 is not 4-byte aligned")]
    [InlineData("misaligned-ret", "return pointer 0x42 is not 4-byte aligned")]
    public void Invalid_guest_values_trap(string export, string message)
    {
        var e = Assert.Throws<TrapException>(() => _h.Func(export).Call());
        Assert.Contains(message, e.Message);
        Assert.Contains($"`{export}`", e.Message);
    }

    [Fact]
    public void Undefined_imports_fail_to_link_unless_defined_as_traps()
    {
        var engine = new Engine();
        var component = Component.FromFile(engine, ComponentTestHost.FixturePath("echo.wasm"));
        var linker = new ComponentLinker(engine);
        var e = Assert.Throws<LinkException>(() => linker.Instantiate(new Store(engine), component));
        Assert.Contains("host-echo", e.Message);

        linker.DefineUnknownImportsAsTraps(component);
        var instance = linker.Instantiate(new Store(engine), component);
        Assert.Equal(3u, instance.GetFunction("echo-u32")!.Call(V.U32(3))!.AsU32());
        var trap = Assert.Throws<TrapException>(() => instance.GetFunction("call-host-add")!.Call(V.U32(1), V.U32(2)));
        Assert.Contains("unknown import `test:echo/host#add` was called", trap.Message);
    }

    [Fact]
    public void Host_exceptions_propagate_as_traps_of_the_guest_call()
    {
        var engine = new Engine();
        var component = Component.FromFile(engine, ComponentTestHost.FixturePath("echo.wasm"));
        var linker = new ComponentLinker(engine);
        linker.DefineUnknownImportsAsTraps(component);
        linker.Root().DefineFunction("host-echo", (_, results) => results[0] = V.U32(1));
        var instance = linker.Instantiate(new Store(engine), component);
        // The host returned a u32 where the import's type says string: rejected, never lowered.
        var e = Assert.Throws<ArgumentException>(() => instance.GetFunction("call-host-echo")!.Call(V.String("s")));
        Assert.Contains("expected a String value, got U32", e.Message);
    }

    [Fact]
    public void A_host_import_cannot_call_back_into_the_same_component_instance()
    {
        var engine = new Engine();
        var component = Component.FromFile(engine, ComponentTestHost.FixturePath("echo.wasm"));
        var linker = new ComponentLinker(engine);
        linker.DefineUnknownImportsAsTraps(component);
        ComponentInstance? instance = null;
        linker.Root().DefineFunction("host-echo", (args, results) =>
            results[0] = V.String(instance!.GetFunction("echo-string")!.Call(args[0])!.AsString()));
        instance = linker.Instantiate(new Store(engine), component);
        var e = Assert.Throws<TrapException>(() => instance.GetFunction("call-host-echo")!.Call(V.String("s")));
        // CanonicalABI.md Store.lift: trap_if(not inst.may_enter_from(caller)) — wasmtime's CannotEnterComponent.
        Assert.Equal(TrapCode.CannotEnterComponent, e.Type);
        Assert.Contains("`echo-string`: cannot enter component instance", e.Message);
        // The trap unwound through `call-host-echo`: the instance is locked down (Explainer.md "Component Invariants" 1).
        e = Assert.Throws<TrapException>(() => instance.GetFunction("echo-string")!.Call(V.String("ok")));
        Assert.Contains("locked down after an earlier trap", e.Message);
    }

    [Fact]
    public void Traps_name_the_interface_function()
    {
        var engine = new Engine();
        var component = Component.FromFile(engine, ComponentTestHost.FixturePath("nested.wasm"));
        var linker = new ComponentLinker(engine);
        linker.Root().DefineFunction("base", (_, _) => throw new TrapException(TrapCode.Unreachable, "host says no"));
        var instance = linker.Instantiate(new Store(engine), component);
        Assert.Equal("host says no", Assert.Throws<TrapException>(() => instance.GetFunction("double")!.Call(V.U32(1))).Message);
        // The trap locked that instance down (Explainer.md "Component Invariants" 1); a fresh one rejects bad arguments.
        instance = linker.Instantiate(new Store(engine), component);
        Assert.Throws<ArgumentException>(() => instance.GetFunction("test:nested/math", "quadruple")!.Call(V.S32(1)));
        var e = Assert.Throws<ArgumentException>(() => instance.GetFunction("test:nested/math", "quadruple")!.Call(V.S32(1)));
        Assert.Contains("`test:nested/math#quadruple`", e.Message);
    }

    [Fact]
    public void Function_metadata()
    {
        var f = _h.Func("call-host-add");
        Assert.Equal(2, f.ParameterCount);
        Assert.Equal(["a", "b"], f.ParameterNames);
        Assert.True(f.HasResult);
        Assert.Null(_h.Instance.GetFunction("no-such-export"));
        Assert.Contains("echo-string", _h.Component.ExportNames);
        Assert.Equal(["host-echo", "test:echo/host"], _h.Component.ImportNames);
    }

    [Fact]
    public void Non_components_are_rejected_with_a_typed_error()
    {
        var engine = new Engine();
        var module = Module.ConvertText("(module)");
        var e = Assert.Throws<ComponentException>(() => Component.FromBytes(engine, module));
        Assert.Contains("not a component", e.Message);
        Assert.Throws<ComponentException>(() => Component.FromBytes(engine, [0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0, 99]));
    }
}

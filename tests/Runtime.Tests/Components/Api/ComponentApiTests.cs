using WitSharp.Components;
using WitSharp.Runtime.Tests.Components.Typed;
using V = WitSharp.Components.ComponentValue;
using T = WitSharp.Components.ComponentValueType;

namespace WitSharp.Runtime.Tests.Components.Api;

/// <summary>The component API surface beyond calls: type reflection, export indices, ResourcesRequired,
/// InstantiatePre, FromText, and typed host imports.</summary>
public sealed class ComponentApiTests
{
    private static readonly Engine Engine = new();
    private static readonly Component Echo = Component.FromFile(Engine, ComponentTestHost.FixturePath("echo.wasm"));

    private static ComponentLinker EchoLinker(bool typedImports)
    {
        var linker = new ComponentLinker(Engine);
        var host = linker.Root().AddInstance("test:echo/host");
        if (typedImports)
        {
            linker.Root().DefineFunction<string, string>("host-echo", s => s + "?");
            host.DefineFunction<(uint A, uint B), uint>("add", p => p.A * 100 + p.B);
        }
        else
        {
            linker.Root().DefineFunction("host-echo", (a, r) => r[0] = V.String(a[0].AsString() + "!"));
            host.DefineFunction("add", (a, r) => r[0] = V.U32(a[0].AsU32() + a[1].AsU32()));
        }
        host.DefineFunction("sum17", (a, r) => r[0] = V.U32(17));
        return linker;
    }

    [Fact]
    public void Component_type_lists_imports_and_exports_with_their_types()
    {
        var type = Echo.ComponentType;
        Assert.Equal(["host-echo", "test:echo/host"], type.Imports.Select(i => i.Key));
        var hostEcho = type.GetImport("host-echo")!;
        Assert.Equal(ComponentItemKind.Func, hostEcho.Kind);
        Assert.Equal("func(s: string) -> string", hostEcho.Function!.ToString());
        var iface = type.GetImport("test:echo/host")!;
        Assert.Equal(ComponentItemKind.Instance, iface.Kind);
        Assert.Equal(["add", "sum17"], iface.Exports.Select(e => e.Key));
        Assert.Equal(T.U32, iface.GetExport("add")!.Function!.Result);

        Assert.Equal(ComponentItemKind.Type, type.GetExport("rec")!.Kind);
        Assert.Equal(T.Record(("a", T.U8), ("b", T.U32), ("c", T.String)), type.GetExport("rec")!.ValueType);
        Assert.Equal("record { a: u8, b: u32, c: string }", type.GetExport("rec")!.ValueType!.ToString());
        var echoResult = type.GetExport("echo-result")!.Function!;
        Assert.Equal(T.Result(T.U32, T.String), echoResult.Parameters[0].Type);
        Assert.Equal("v", echoResult.Parameters[0].Name);
        Assert.Equal(T.Variant(("a", T.U8), ("b", T.F64), ("c", null)), type.GetExport("echo-variant")!.Function!.Result);
        Assert.Equal(T.Flags("read", "write", "exec"), type.GetExport("echo-flags")!.Function!.Result);
        Assert.Equal(T.List(T.Record(("a", T.U8), ("b", T.U32), ("c", T.String))), type.GetExport("echo-list-rec")!.Function!.Result);
    }

    [Fact]
    public void Value_type_layout_follows_the_canonical_abi()
    {
        var rec = T.Record(("a", T.U8), ("b", T.U32), ("c", T.String));
        Assert.Equal((16, 4, 4), (rec.Size, rec.Alignment, rec.FlatCount));
        Assert.Equal([0, 4, 8], Enumerable.Range(0, 3).Select(rec.GetFieldOffset));
        var v = T.Variant(("a", T.U8), ("b", T.F64), ("c", null));
        Assert.Equal((16, 8, 8), (v.Size, v.Alignment, v.PayloadOffset));
        Assert.Equal([ValueKind.Int32, ValueKind.Int64], v.Flat);
        Assert.Equal(2, T.Flags([.. Enumerable.Range(0, 9).Select(i => "f" + i)]).Size);
    }

    [Fact]
    public void Get_export_walks_into_instances_and_rejects_foreign_indices()
    {
        var nested = Component.FromFile(Engine, ComponentTestHost.FixturePath("nested.wasm"));
        Assert.Null(Echo.GetExport(null, "no-such"));
        var (type, index) = Echo.GetExport(null, "echo-string")!.Value;
        Assert.Equal(ComponentItemKind.Func, type.Kind);
        Assert.Equal("echo-string", index.ToString());
        Assert.Throws<ComponentExportIndexException>(() => nested.GetExport(index, "x"));
        var otherInstance = new ComponentLinker(Engine);
        otherInstance.DefineUnknownImportsAsTraps(nested);
        var inst = otherInstance.Instantiate(new Store(Engine), nested);
        Assert.Throws<ComponentExportIndexException>(() => inst.GetFunction(index));
        Assert.Throws<ComponentExportIndexException>(() => inst.GetTypedFunction<string, string>(index));
    }

    [Fact]
    public void Export_index_into_an_exported_interface()
    {
        var c = Component.FromText(Engine, """
            (component
              (core module $m (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1))))
              (core instance $i (instantiate $m))
              (func $f (param "x" u32) (result u32) (canon lift (core func $i "f")))
              (instance $api (export "inc" (func $f)))
              (export "test:api/calc@1.0.0" (instance $api)))
            """);
        var (itype, iface) = c.GetExport(null, "test:api/calc@1.0.0")!.Value;
        Assert.Equal(ComponentItemKind.Instance, itype.Kind);
        var (ftype, inc) = c.GetExport(iface, "inc")!.Value;
        Assert.Equal("func(x: u32) -> u32", ftype.Function!.ToString());
        var instance = new ComponentLinker(Engine).Instantiate(new Store(Engine), c);
        Assert.Equal(8u, instance.GetTypedFunction<uint, uint>(inc)!.Call(7));
        Assert.Equal(8u, instance.GetTypedFunction<uint, uint>("test:api/calc@1.0.0", "inc")!.Call(7));
        Assert.Null(instance.GetFunction(iface));
        var rr = c.ResourcesRequired!;
        Assert.Equal((0, 0), (rr.NumMemories, rr.NumTables));
        Assert.Null(rr.MaxInitialMemorySize);
    }

    [Fact]
    public void Resources_required_counts_memories_and_tables_or_is_null_for_module_imports()
    {
        var rr = Echo.ResourcesRequired!;
        // libc defines the one memory (1 page); main imports it. No tables.
        Assert.Equal((1, 0), (rr.NumMemories, rr.NumTables));
        Assert.Equal(1, rr.MaxInitialMemorySize);
        var importsModule = Component.FromText(Engine, """
            (component
              (import "m" (core module $m))
              (core instance (instantiate $m)))
            """);
        Assert.Null(importsModule.ResourcesRequired);
    }

    [Fact]
    public void Instantiate_pre_resolves_once_and_instantiates_many_times()
    {
        var linker = EchoLinker(typedImports: false);
        var pre = linker.InstantiatePre(Echo);
        Assert.True(pre.IsPreResolved);
        // Later linker changes do not affect the pre-resolved imports.
        linker.AllowShadowing = true;
        linker.Root().DefineFunction("host-echo", (a, r) => r[0] = V.String("changed"));
        for (int i = 0; i < 3; i++)
        {
            var instance = pre.Instantiate(new Store(Engine));
            Assert.Equal("x!", instance.GetTypedFunction<string, string>("call-host-echo")!.Call("x"));
        }
        Assert.Throws<LinkException>(() => new ComponentLinker(Engine).InstantiatePre(Echo));
    }

    [Fact]
    public void Typed_host_imports_lift_and_lower_with_marshalers()
    {
        var instance = EchoLinker(typedImports: true).Instantiate(new Store(Engine), Echo);
        Assert.Equal("héllo?", instance.GetTypedFunction<string, string>("call-host-echo")!.Call("héllo"));
        Assert.Equal(507u, instance.GetTypedFunction<(uint, uint), uint>("call-host-add")!.Call((5, 7)));
        Assert.Equal("ab?", instance.GetFunction("call-host-echo")!.Call(V.String("ab"))!.AsString());
    }

    [Fact]
    public void Typed_host_import_with_seventeen_parameters_loads_them_from_memory()
    {
        var linker = EchoLinker(typedImports: true);
        linker.AllowShadowing = true;
        linker.Root().AddInstance("test:echo/host").DefineFunction<(uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint), uint>(
            "sum17", p => p.Item1 * 1000 + p.Item8 * 10 + p.Item17);
        var instance = linker.Instantiate(new Store(Engine), Echo);
        // echo.wat's call-host-sum17 passes 1..17 through the spilled parameter tuple.
        Assert.Equal(1097u, instance.GetTypedFunction<ValueTuple, uint>("call-host-sum17")!.Call(default));
    }

    [Fact]
    public void Typed_host_imports_with_the_wrong_types_fail_at_instantiation()
    {
        var linker = EchoLinker(typedImports: false);
        linker.AllowShadowing = true;
        linker.Root().DefineFunction<int, string>("host-echo", i => "");
        var e = Assert.Throws<ComponentTypeMismatchException>(() => linker.Instantiate(new Store(Engine), Echo));
        Assert.Contains("host-echo", e.Message);
    }

    [Fact]
    public void Marshalers_are_created_for_supported_mappings_only()
    {
        Assert.Equal(8, ComponentMarshaler.Create<string>(T.String).Size);
        Assert.Equal(2, ComponentMarshaler.Create<Rec>(Rec.ComponentType).FlatCount - 2);
        Assert.Throws<ComponentTypeMismatchException>(() => ComponentMarshaler.Create<Rec>(T.Record(("a", T.U8))));
        Assert.Throws<ComponentTypeMismatchException>(() => ComponentMarshaler.Create<Result<uint, string>>(T.Result(null, T.String)));
        Assert.NotNull(ComponentMarshaler.Create<Result<ValueTuple, string>>(T.Result(null, T.String)));
        Assert.Throws<ComponentTypeMismatchException>(() => ComponentMarshaler.Create<uint>(T.Own(null)));
    }
}

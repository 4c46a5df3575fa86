namespace WitSharp.Runtime.Tests.Artifacts;

/// <summary><c>call_indirect</c> compares engine-wide signature ids, and those differ between engines: compiled code
/// reads them from its module's SignatureTable, bound by the engine that loads it. Code precompiled by one engine
/// and loaded by another whose ids for the same types are different must accept exactly the functions of the
/// right type, whoever made them (another module of the loading engine, a host function).</summary>
public class ArtifactSignatureTests
{
    // The caller: call_indirect through an imported table with three expected types.
    private const string Caller = """
        (module
          (import "env" "table" (table 4 funcref))
          (type $ii (func (param i32) (result i32)))
          (type $ll (func (param i64) (result i64)))
          (type $v (func))
          (func (export "ii") (param i32 i32) (result i32) (call_indirect (type $ii) (local.get 0) (local.get 1)))
          (func (export "ll") (param i64 i32) (result i64) (call_indirect (type $ll) (local.get 0) (local.get 1)))
          (func (export "v") (param i32) (call_indirect (type $v) (local.get 0))))
        """;

    // Defines functions in the loading engine, declaring other types first so that ids shift.
    private const string Callees = """
        (module
          (type $a (func (param f32 f32) (result f32)))
          (type $b (func (param f64) (result f64)))
          (type $c (func (param i32 i32 i32)))
          (import "env" "table" (table 4 funcref))
          (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
          (func $dbl (param i64) (result i64) (i64.mul (local.get 0) (i64.const 2)))
          (func $unused (type $a) (f32.add (local.get 0) (local.get 1)))
          (elem (i32.const 0) $inc $dbl))
        """;

    [Fact]
    public void Precompiled_call_indirect_matches_types_by_structure_in_another_engine()
    {
        var artifact = new Engine().PrecompileModule(Module.ConvertText(Caller));
        var engine = new Engine();
        // Compiled before the artifact is loaded, so the loading engine's ids for i32→i32 and i64→i64 are not
        // those of a fresh engine's first types.
        var callees = Module.FromText(engine, "callees", Callees);
        var caller = Module.Deserialize(engine, "caller", artifact);
        var store = new Store(engine);
        var linker = new Linker(engine);
        var table = new Table(store, TableKind.FuncRef, null, 4);
        linker.Define("env", "table", table);
        linker.Instantiate(store, callees);
        // Slot 2: a host function of type i32 → i32; slot 3 stays null.
        table.SetElement(2, Function.FromCallback(store, (int x) => x * 10));
        var instance = linker.Instantiate(store, caller);
        var ii = instance.GetFunction<int, int, int>("ii")!;
        var ll = instance.GetFunction<long, int, long>("ll")!;
        Assert.Equal(42, ii(41, 0));
        Assert.Equal(84L, ll(42, 1));
        Assert.Equal(70, ii(7, 2));
        Assert.Equal(TrapCode.BadSignature, Assert.Throws<TrapException>(() => ii(1, 1)).Type);
        Assert.Equal(TrapCode.BadSignature, Assert.Throws<TrapException>(() => ll(1, 0)).Type);
        Assert.Equal(TrapCode.BadSignature, Assert.Throws<TrapException>(() => instance.GetAction<int>("v")!(0)).Type);
        Assert.Equal(TrapCode.IndirectCallToNull, Assert.Throws<TrapException>(() => ii(1, 3)).Type);
    }

    [Fact]
    public void One_artifact_loaded_by_two_engines_binds_each_engines_ids()
    {
        var artifact = new Engine().PrecompileModule(Module.ConvertText(Caller));
        foreach (int shift in new[] { 0, 5 })
        {
            var engine = new Engine();
            // Different numbers of unrelated types in each engine before the load.
            for (int i = 0; i < shift; i++)
                Module.FromText(engine, "pad", $"(module (func (param {string.Join(' ', Enumerable.Repeat("f64", i + 1))})))");
            var store = new Store(engine);
            var linker = new Linker(engine);
            var table = new Table(store, TableKind.FuncRef, null, 4);
            linker.Define("env", "table", table);
            linker.Instantiate(store, Module.FromText(engine, "callees", Callees));
            var ii = linker.Instantiate(store, Module.Deserialize(engine, "caller", artifact)).GetFunction<int, int, int>("ii")!;
            Assert.Equal(42, ii(41, 0));
            Assert.Equal(TrapCode.BadSignature, Assert.Throws<TrapException>(() => ii(1, 1)).Type);
        }
    }
}

namespace WitSharp.Precompile.EndToEnd.Tests;

/// <summary>Bindings for a component listed with <c>Precompile="true"</c>: Load(engine) deserializes the
/// artifact the build embedded.</summary>
[ComponentImport("../fixtures/components/ctypes/ctypes.wasm", Namespace = "WitSharp.Precompile.EndToEnd.Tests.C")]
public partial class CTypes;

/// <summary>Bindings for a component listed without it: Load(engine) compiles the embedded .wasm.</summary>
[ComponentImport("../Generator.EndToEnd.Tests/components/kitchen.wasm", Namespace = "WitSharp.Precompile.EndToEnd.Tests.K")]
public partial class Kitchen;

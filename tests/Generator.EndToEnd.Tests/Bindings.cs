namespace WitSharp.Generator.EndToEnd.Tests;

/// <summary>Bindings generated from the component binary: the world is decoded from kitchen.wasm at build
/// time, and Load(engine) reads the copy the build embedded in this assembly.</summary>
[ComponentImport("components/kitchen.wasm", Namespace = "WitSharp.Generator.EndToEnd.Tests.FromWasm")]
public partial class KitchenFromWasm;

/// <summary>Bindings generated from the WIT source of the same world.</summary>
[ComponentImport("components/kitchen/world.wit", World = "kitchen")]
public partial class Kitchen;

/// <summary>The same world with WIT results raised as <see cref="ResultException{TError}"/>.</summary>
[ComponentImport("components/kitchen/world.wit", World = "kitchen", ErrorMode = WitErrorMode.Exceptions, Namespace = "WitSharp.Generator.EndToEnd.Tests.Raising")]
public partial class RaisingKitchen;

/// <summary>Bindings generated from a C component (tests/fixtures/components/ctypes, clang + jco new).</summary>
[ComponentImport("../fixtures/components/ctypes/ctypes.wasm", Namespace = "WitSharp.Generator.EndToEnd.Tests.C")]
public partial class CTypes;

using Microsoft.CodeAnalysis;

namespace WitSharp.Generator.Tests;

/// <summary>Each WITSHARP diagnostic, triggered by the smallest input that causes it, with its location.</summary>
public sealed class DiagnosticTests
{
    private const string ProjectDir = "/proj";

    private static GeneratorRun Run(string source, params (string Path, string Text)[] files) =>
        GeneratorHarness.Run(source, files.Select(f => (AdditionalText)new InMemoryAdditionalText(ProjectDir + "/" + f.Path, f.Text)), ProjectDir);

    private static string Class(string attribute, string declaration = "public partial class Calc { }") =>
        "namespace App;\n/// <summary>Doc.</summary>\n[WitSharp.ComponentImport(" + attribute + ")]\n" + declaration + "\n";

    private const string CalcWit = "package my:calc;\n\nworld calc {\n  export add: func(a: s32, b: s32) -> s32;\n}\n";

    [Fact]
    public void WitSyntaxErrorIsReportedAtTheWitFileLineAndColumn()
    {
        var run = Run(Class("\"calc.wit\""), ("calc.wit", "package my:calc;\n\nworld calc {\n  export add: func(a: s32 -> s32;\n}\n"));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP001", d.Id);
        var span = d.Location.GetLineSpan();
        Assert.Equal(ProjectDir + "/calc.wit", span.Path);
        Assert.Equal(3, span.StartLinePosition.Line); // 0-based: line 4
        Assert.Equal(26, span.StartLinePosition.Character); // the `->`
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void WitResolveErrorNamesTheFile()
    {
        var run = Run(Class("\"calc.wit\""), ("calc.wit", "package my:calc;\n\nworld calc {\n  export add: func(a: nope) -> s32;\n}\n"));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP001", d.Id);
        Assert.Contains("nope", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(ProjectDir + "/calc.wit", d.Location.GetLineSpan().Path);
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void MissingInputIsReported()
    {
        var run = Run(Class("\"missing.wit\""), ("calc.wit", CalcWit));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP002", d.Id);
        Assert.Contains("missing.wit", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Source0.cs", d.Location.GetLineSpan().Path);
    }

    [Fact]
    public void UnknownWorldIsReported()
    {
        var run = Run(Class("\"calc.wit\", World = \"nope\""), ("calc.wit", CalcWit));
        Assert.Equal("WITSHARP003", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void AmbiguousWorldIsReported()
    {
        var run = Run(Class("\"wit/\""), ("wit/a.wit", CalcWit), ("wit/b.wit", "world other {\n}\n"));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP003", d.Id);
        Assert.Contains("multiple worlds", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void FolderInputWithWorldByQualifiedName()
    {
        var run = Run(Class("\"wit\", World = \"my:calc/other\""), ("wit/a.wit", CalcWit), ("wit/b.wit", "world other {\n  import f: func();\n}\n"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.Text.Contains("\"my:calc/other\"", StringComparison.Ordinal));
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void ClassMustBePartial()
    {
        var run = Run(Class("\"calc.wit\"", "public class Calc { }"), ("calc.wit", CalcWit));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP004", d.Id);
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void ContainingTypeMustBePartial()
    {
        var run = Run(Class("\"calc.wit\"", "public class Outer { public partial class Calc { } }"), ("calc.wit", CalcWit));
        Assert.Equal("WITSHARP004", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void GenericClassIsRejected()
    {
        var run = Run(Class("\"calc.wit\"", "public partial class Calc<T> { }"), ("calc.wit", CalcWit));
        Assert.Equal("WITSHARP005", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void NameCollisionIsRenamedAndReported()
    {
        const string wit = "package my:c;\n\ninterface i {\n  resource r {\n    constructor();\n  }\n  create-r: func() -> r;\n}\n\nworld w {\n  import i;\n}\n";
        var run = Run(Class("\"c.wit\""), ("c.wit", wit));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP006", d.Id);
        Assert.Contains("CreateR2", d.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void AsyncFunctionIsLeftOutWithAWarning()
    {
        const string wit = "package my:c;\n\nworld w {\n  export f: async func();\n  export g: func();\n}\n";
        var run = Run(Class("\"c.wit\""), ("c.wit", wit));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP007", d.Id);
        Assert.Contains("async", d.GetMessage(), StringComparison.Ordinal);
        var text = Assert.Single(run.Sources).Text;
        Assert.Contains("void G();", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" F(", text, StringComparison.Ordinal);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void WasmInputIsReportedAsNotSupportedYet()
    {
        var source = Class("\"calc.wasm\"");
        var run = GeneratorHarness.Run(source, [new InMemoryAdditionalText(ProjectDir + "/calc.wasm", "\0asm")], ProjectDir);
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP008", d.Id);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void ConflictingBindingsForOneNamespaceAreReported()
    {
        const string wit = "package my:c;\n\ninterface i {\n  f: func() -> result<u32, string>;\n}\n\nworld w {\n  import i;\n}\n";
        var source = "namespace App;\n[WitSharp.ComponentImport(\"c.wit\")] public partial class A { }\n" +
                     "[WitSharp.ComponentImport(\"c.wit\", ErrorMode = WitSharp.WitErrorMode.Exceptions)] public partial class B { }\n";
        var run = GeneratorHarness.Run(source, [new InMemoryAdditionalText(ProjectDir + "/c.wit", wit)], ProjectDir);
        Assert.Equal("WITSHARP010", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void SharedInterfaceIsGeneratedOnceForTwoClasses()
    {
        const string wit = "package my:c;\n\ninterface i {\n  f: func() -> u32;\n}\n\nworld w {\n  import i;\n}\n";
        var source = "namespace App;\n[WitSharp.ComponentImport(\"c.wit\")] public partial class A { }\n[WitSharp.ComponentImport(\"c.wit\")] public partial class B { }\n";
        var run = GeneratorHarness.Run(source, [new InMemoryAdditionalText(ProjectDir + "/c.wit", wit)], ProjectDir);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources, s => s.HintName == "App.My.C.I.g.cs");
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void WithoutProjectDirectoryThePathMatchesBySuffix()
    {
        var run = GeneratorHarness.Run(Class("\"wit/calc.wit\""), [new InMemoryAdditionalText("/somewhere/wit/calc.wit", CalcWit)], projectDirectory: null);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.NotEmpty(run.Sources);
    }

    [Fact]
    public void NamespaceCollidingWithTheClassIsReported()
    {
        const string wit = "package my:c;\n\ninterface i {\n  f: func();\n}\n\nworld w {\n  import i;\n}\n";
        var run = Run("namespace App;\n[WitSharp.ComponentImport(\"c.wit\")]\npublic partial class My { }\n", ("c.wit", wit));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP012", d.Id);
        Assert.Contains("App.My.C.I", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidNamespaceOptionIsRejected()
    {
        var run = Run(Class("\"calc.wit\", Namespace = \"My App\""), ("calc.wit", CalcWit));
        var d = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WITSHARP005", d.Id);
        Assert.Contains("My App", d.GetMessage(), StringComparison.Ordinal);
    }
}

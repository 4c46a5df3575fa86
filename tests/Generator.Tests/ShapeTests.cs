namespace WitSharp.Generator.Tests;

/// <summary>Snapshots of the user-facing shapes the corpus does not cover: exceptions error mode, nested and
/// global-namespace classes, name escaping, the Namespace option.</summary>
public sealed class ShapeTests
{
    private const string ProjectDir = "/proj";

    private const string Wit = """
        package my:shapes@1.0.0;

        interface api {
          /// Docs with <angle> brackets & ampersands.
          record point { x: s32, y: s32, point: u8 }
          variant shape { circle(f64), nothing, value(point) }
          flags perms { read, write, none }
          enum kind { %type, class, value }
          resource blob {
            constructor(bytes: list<u8>);
            read: func(at: u64, len: u32) -> result<list<u8>, string>;
            to-string: func() -> string;
            from-string: static func(s: string) -> blob;
          }
          parse: func(in: string, %default: option<option<u32>>) -> result<point, kind>;
          check: func() -> result;
          pair: func(c: char) -> tuple<char, tuple<u8>, tuple<>>;
        }

        world shapes {
          import api;
          export api;
          export run: func(args: list<string>) -> result<u32>;
        }
        """;

    private static GeneratorRun Generate(string source)
    {
        var run = GeneratorHarness.Run(source, [new InMemoryAdditionalText(ProjectDir + "/shapes.wit", Wit)], ProjectDir);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.True(run.CompileDiagnostics.IsEmpty, GeneratorHarness.Format(run.CompileDiagnostics) + "\n\n" + run.Combined());
        return run;
    }

    [Fact]
    public void ResultMode()
    {
        var run = Generate("namespace App.Plugins;\n/// <summary>Doc.</summary>\n[WitSharp.ComponentImport(\"shapes.wit\")]\npublic partial class Shapes { }\n");
        Snapshot.Verify(Path.Combine("Shapes", "result-mode"), run.Combined());
    }

    [Fact]
    public void ExceptionsModeNestedClassCustomNamespace()
    {
        var source = """
            namespace App;
            /// <summary>Doc.</summary>
            public static partial class Outer
            {
                /// <summary>Doc.</summary>
                [WitSharp.ComponentImport("shapes.wit", Namespace = "App.Generated", ErrorMode = WitSharp.WitErrorMode.Exceptions)]
                internal sealed partial class Shapes { }
            }
            """;
        var run = Generate(source);
        Snapshot.Verify(Path.Combine("Shapes", "exceptions-mode"), run.Combined());
        Assert.Contains(run.Sources, s => s.Text.Contains("global::App.Generated.My.Shapes.Api.Point Parse(string @in, global::WitSharp.Option<uint?> @default);", StringComparison.Ordinal));
    }

    [Fact]
    public void GlobalNamespaceClass()
    {
        var run = Generate("/// <summary>Doc.</summary>\n[WitSharp.ComponentImport(\"shapes.wit\")]\npublic partial class Shapes { }\n");
        Assert.Contains(run.Sources, s => s.HintName == "My.Shapes.Api.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "Shapes.World.g.cs");
    }
}

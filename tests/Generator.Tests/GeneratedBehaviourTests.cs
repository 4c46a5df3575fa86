using System.Reflection;
using Microsoft.CodeAnalysis;

namespace WitSharp.Generator.Tests;

/// <summary>Loads the compiled output of a generator run and checks what the generated types do: record
/// equality, variant cases as subtypes, flag bit values and sizes, enum discriminants.</summary>
public sealed class GeneratedBehaviourTests
{
    private const string Wit = """
        package my:b;

        interface api {
          record point { x: s32, y: s32 }
          variant shape { circle(f64), none }
          flags perms { read, write, exec }
          flags wide { f0, f1, f2, f3, f4, f5, f6, f7, f8 }
          enum color { red, green, blue }
        }

        world w {
          import api;
        }
        """;

    private static Assembly Compile()
    {
        var run = GeneratorHarness.Run("namespace App;\n[WitSharp.ComponentImport(\"b.wit\")]\npublic partial class B { }\n",
            [new InMemoryAdditionalText("/proj/b.wit", Wit)], "/proj");
        Assert.Empty(run.GeneratorDiagnostics);
        using var ms = new MemoryStream();
        var emit = run.Output.Emit(ms);
        Assert.True(emit.Success, GeneratorHarness.Format(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(ms.ToArray());
    }

    private static readonly Lazy<Assembly> s_assembly = new(Compile);

    private static Type T(string name) => s_assembly.Value.GetType("App.My.B.Api." + name, throwOnError: true)!;

    [Fact]
    public void RecordsCompareByValue()
    {
        var point = T("Point");
        Assert.True(point.IsValueType);
        var a = Activator.CreateInstance(point, 1, 2);
        var b = Activator.CreateInstance(point, 1, 2);
        var c = Activator.CreateInstance(point, 1, 3);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(2, point.GetProperty("Y")!.GetValue(a));
        Assert.Equal("Point { X = 1, Y = 2 }", a!.ToString());
    }

    [Fact]
    public void VariantCasesAreSealedSubtypes()
    {
        var shape = T("Shape");
        Assert.True(shape.IsAbstract);
        var circle = shape.GetNestedType("Circle")!;
        var none = shape.GetNestedType("None")!;
        Assert.True(circle.IsSealed && shape.IsAssignableFrom(circle));
        Assert.True(none.IsSealed && shape.IsAssignableFrom(none));
        Assert.Empty(shape.GetConstructors());
        var c = Activator.CreateInstance(circle, 1.5);
        Assert.Equal(1.5, circle.GetProperty("Value")!.GetValue(c));
        Assert.Equal(Activator.CreateInstance(circle, 1.5), c);
    }

    [Fact]
    public void FlagsAreSizedByCountWithOneBitEach()
    {
        var perms = T("Perms");
        Assert.NotNull(perms.GetCustomAttribute<FlagsAttribute>());
        Assert.Equal(typeof(byte), Enum.GetUnderlyingType(perms));
        Assert.Equal(new ulong[] { 0, 1, 2, 4 }, Enum.GetValues(perms).Cast<object>().Select(Convert.ToUInt64).Order().ToArray());
        Assert.Equal(typeof(ushort), Enum.GetUnderlyingType(T("Wide")));
        Assert.Equal((ushort)0x100, Convert.ToUInt16(Enum.Parse(T("Wide"), "F8")));
    }

    [Fact]
    public void EnumCasesAreDiscriminantsInOrder()
    {
        var color = T("Color");
        Assert.Equal(typeof(byte), Enum.GetUnderlyingType(color));
        Assert.Equal(2, Convert.ToInt32(Enum.Parse(color, "Blue")));
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Emit;

/// <summary>Writes the C# for a <see cref="WorldModel"/>: one file for the attributed class (world-level
/// types and functions) and one per WIT interface namespace. Every public member gets a doc comment, from
/// the WIT docs where there are some.</summary>
internal static class Emitter
{
    public static IEnumerable<GeneratedFile> Emit(WorldModel model)
    {
        var catalog = new TypeCatalog(model);
        yield return EmitWorld(model, catalog);
        foreach (var container in model.Containers) yield return EmitContainer(container, model.Class.FullName, catalog);
    }

    private static GeneratedFile EmitWorld(WorldModel model, TypeCatalog catalog)
    {
        var w = new SourceWriter();
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        if (model.Class.Namespace.Length > 0)
        {
            w.Line();
            w.Line("namespace " + model.Class.Namespace + ";");
        }
        w.Line();
        foreach (var outer in model.Class.Containing) w.Open(PartialDeclaration(outer.Keyword, outer.Name));
        var runtime = model.HasRuntime && model.Class.Keyword == "class";
        w.Open(PartialDeclaration(model.Class.Keyword, model.Class.Name) + (runtime ? RuntimeEmitter.BaseList(model) : string.Empty));

        w.Summary("The WIT world `" + model.WorldName + "` these bindings were generated from.");
        w.DocTag("remarks", string.Empty, WorldRemarks(model));
        w.Line("public const string WorldName = " + SourceWriter.Literal(model.WorldName) + ";");
        foreach (var type in model.Types)
        {
            w.Line();
            EmitType(w, type, catalog, "global::" + model.Class.FullName + "." + type.Name);
        }
        if (model.Imports is { } imports)
        {
            w.Line();
            EmitFunctions(w, imports);
        }
        if (model.Exports is { } exports)
        {
            w.Line();
            EmitFunctions(w, exports);
        }
        if (runtime) RuntimeEmitter.Emit(w, model, catalog);

        w.Close();
        foreach (var _ in model.Class.Containing) w.Close();
        return new GeneratedFile(model.Class.FullName + ".World.g.cs", w.ToString(), model.Class.Namespace, model.Class.FullName);
    }

    // `static` must come before `partial`; accessibility may be left to the user's declaration.
    private static string PartialDeclaration(string keyword, string name) =>
        keyword.StartsWith("static ", System.StringComparison.Ordinal)
            ? "static partial " + keyword.Substring("static ".Length) + " " + name
            : "partial " + keyword + " " + name;

    private static string WorldRemarks(WorldModel model)
    {
        var lines = new List<string> { model.Docs };
        if (model.ImportNames.Count > 0) lines.Add("Imports: " + string.Join(", ", model.ImportNames) + ".");
        if (model.ExportNames.Count > 0) lines.Add("Exports: " + string.Join(", ", model.ExportNames) + ".");
        return string.Join("\n", lines);
    }

    private static GeneratedFile EmitContainer(ContainerModel c, string owner, TypeCatalog catalog)
    {
        var w = new SourceWriter();
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line();
        w.Line("namespace " + c.Namespace + ";");
        var first = true;
        foreach (var type in c.Types)
        {
            w.Line();
            EmitType(w, type, catalog, "global::" + c.Namespace + "." + type.Name);
            first = false;
        }
        if (c.Functions is { } functions)
        {
            w.Line();
            EmitFunctions(w, functions);
            first = false;
        }
        if (first)
        {
            // An interface with neither types nor functions still gets its namespace, so a later `using` of it compiles.
            w.Line();
            w.Line("// `" + c.WitName + "` declares no types or functions.");
        }
        return new GeneratedFile(c.Namespace + ".g.cs", w.ToString(), c.Namespace, owner);
    }

    private static void EmitType(SourceWriter w, TypeModel t, TypeCatalog catalog, string csType)
    {
        switch (t.Shape)
        {
            case TypeShape.Record:
                w.Summary(t.Docs);
                foreach (var m in t.Members) w.DocTag("param", " name=\"" + m.Name + "\"", m.Docs);
                var fields = string.Join(", ", t.Members.Select(m => m.Type + " " + m.Name));
                if (t.Members.Count == 0)
                {
                    w.Line("public readonly record struct " + t.Name + ";");
                }
                else if (catalog.Implements(csType))
                {
                    // The typed call path lifts and lowers it directly (MarshalEmitter).
                    w.Open("public readonly record struct " + t.Name + "(" + fields + ") : " + MarshalEmitter.BaseEntry(csType));
                    MarshalEmitter.WriteRecord(w, catalog, t, csType);
                    w.Close();
                }
                else
                {
                    w.Line("public readonly record struct " + t.Name + "(" + fields + ");");
                }
                break;
            case TypeShape.Variant:
                EmitVariant(w, t, catalog, csType);
                break;
            case TypeShape.Enum:
                w.Summary(t.Docs);
                w.Open("public enum " + t.Name + " : " + t.Underlying);
                foreach (var m in t.Members)
                {
                    w.Summary(m.Docs);
                    w.Line(m.Name + " = " + m.Value.ToString(CultureInfo.InvariantCulture) + ",");
                }
                w.Close();
                break;
            case TypeShape.Flags:
                w.Summary(t.Docs);
                w.Line("[global::System.Flags]");
                w.Open("public enum " + t.Name + " : " + t.Underlying);
                if (!t.Members.Any(m => m.Name == "None"))
                {
                    w.Summary("No flags set.");
                    w.Line("None = 0,");
                }
                foreach (var m in t.Members)
                {
                    w.Summary(m.Docs);
                    w.Line(m.Name + " = 0x" + m.Value.ToString("x", CultureInfo.InvariantCulture) + ",");
                }
                w.Close();
                break;
            case TypeShape.ImportedResource:
                w.Summary(t.Docs);
                w.DocTag("remarks", string.Empty, "The host implements this interface for each instance of the imported resource `" + t.WitName + "`; Dispose runs when the component drops its handle.");
                w.Open("public interface " + t.Name + " : global::System.IDisposable");
                EmitMethods(w, t.Methods, string.Empty);
                w.Close();
                break;
            case TypeShape.ExportedResource:
                w.Summary(t.Docs);
                w.DocTag("remarks", string.Empty, "A handle to an instance of the resource `" + t.WitName + "` that the component exports; disposing it drops the handle.");
                w.Open("public abstract class " + t.Name + " : global::System.IDisposable");
                w.Summary("Drops the component's resource handle.");
                w.Open("public void Dispose()");
                w.Line("Dispose(true);");
                w.Line("global::System.GC.SuppressFinalize(this);");
                w.Close();
                w.Line();
                w.Summary("Drops the resource handle; the runtime's subclass releases the component's resource.");
                w.DocTag("param", " name=\"disposing\"", "Whether the call comes from Dispose rather than a finalizer.");
                w.Line("protected abstract void Dispose(bool disposing);");
                if (t.Methods.Count > 0) w.Line();
                EmitMethods(w, t.Methods, "public abstract ");
                w.Close();
                break;
        }
    }

    private static void EmitVariant(SourceWriter w, TypeModel t, TypeCatalog catalog, string csType)
    {
        w.Summary(t.Docs);
        w.DocTag("remarks", string.Empty, "Match on the nested case records: " + string.Join(", ", t.Members.Select(m => m.Name)) + ".");
        // The payload property must not share a name with a case type: inside a case, a case named `Value`
        // would be found before the property.
        var payload = PayloadName(t);
        var typed = catalog.Implements(csType);
        w.Open("public abstract record " + t.Name + (typed ? " : " + MarshalEmitter.BaseEntry(csType) : string.Empty));
        // A private constructor closes the hierarchy: only the nested cases can derive.
        w.Line("private " + t.Name + "()");
        w.Line("{");
        w.Line("}");
        foreach (var m in t.Members)
        {
            w.Line();
            w.Summary(m.Docs);
            if (m.Type is null)
            {
                w.Line("public sealed record " + m.Name + " : " + t.Name + ";");
            }
            else
            {
                w.DocTag("param", " name=\"" + payload + "\"", "The payload of the `" + m.WitName + "` case.");
                w.Line("public sealed record " + m.Name + "(" + m.Type + " " + payload + ") : " + t.Name + ";");
            }
        }
        if (typed)
        {
            w.Line();
            MarshalEmitter.WriteVariant(w, catalog, t, csType);
        }
        w.Close();
    }

    /// <summary>The name of a variant case's payload property: the first of Value, Payload, Item no case is named.</summary>
    internal static string PayloadName(TypeModel t) => new[] { "Value", "Payload", "Item" }.First(n => t.Members.All(m => m.Name != n));

    private static void EmitFunctions(SourceWriter w, FunctionsModel f)
    {
        w.Summary(f.Docs);
        w.Open("public interface " + f.Name + (f.Bases.Count > 0 ? " : " + string.Join(", ", f.Bases) : string.Empty));
        EmitMethods(w, f.Methods, string.Empty);
        w.Close();
    }

    private static void EmitMethods(SourceWriter w, EquatableArray<MethodModel> methods, string modifiers)
    {
        var first = true;
        foreach (var m in methods)
        {
            if (!first) w.Line();
            first = false;
            w.Summary(m.Docs);
            foreach (var p in m.Params) w.DocTag("param", " name=\"" + p.Name.TrimStart('@') + "\"", "The `" + p.WitName + "` argument.");
            if (m.ErrorType is not null)
            {
                w.DocTag("exception", " cref=\"global::WitSharp.ResultException{TError}\"",
                    "The function returned the error case of its WIT result; the exception's Error is a " + m.ErrorType.Replace("global::", string.Empty) + ".");
            }
            w.Line(modifiers + (m.Hides ? "new " : string.Empty) + m.ReturnType + " " + m.Name + "(" + string.Join(", ", m.Params.Select(p => p.Type + " " + p.Name)) + ");");
        }
    }
}

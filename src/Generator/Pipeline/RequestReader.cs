using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WitSharp.Generator.Diagnostics;
using WitSharp.Generator.Model;

namespace WitSharp.Generator.Pipeline;

/// <summary>Reads a [ComponentImport] attribute and its class into a plain <see cref="ComponentRequest"/>
/// (no symbols or syntax survive this step).</summary>
internal static class RequestReader
{
    public const string AttributeName = "WitSharp.ComponentImportAttribute";

    public static ComponentRequest Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        try
        {
            return ReadCore(context, cancellationToken);
        }
        catch (System.OperationCanceledException)
        {
            throw;
        }
        catch (System.Exception ex)
        {
            // Never crash the compiler: turn the failure into WITSHARP009 on the class.
            var location = LocationInfo.From(context.TargetNode.GetLocation());
            var name = context.TargetSymbol.Name;
            var cls = new ClassModel(string.Empty, name, "class", EquatableArray<ContainingType>.Empty);
            var error = DiagnosticInfo.Create(Descriptors.InternalError, location, name, ex.GetType().Name + ": " + ex.Message);
            return new ComponentRequest(cls, string.Empty, null, null, 0, EquatableArray<string>.Empty, location, error);
        }
    }

    private static ComponentRequest ReadCore(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var attribute = context.Attributes[0];
        var location = LocationInfo.From(syntax.Identifier.GetLocation());

        var path = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
        string? world = null;
        string? rootNamespace = null;
        var errorMode = 0;
        var features = new List<string>();
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key)
            {
                case "World":
                    world = named.Value.Value as string;
                    break;
                case "Namespace":
                    rootNamespace = named.Value.Value as string;
                    break;
                case "ErrorMode":
                    errorMode = named.Value.Value is int i ? i : 0;
                    break;
                case "Features":
                    if (!named.Value.IsNull)
                    {
                        features.AddRange(named.Value.Values.Select(v => v.Value as string).Where(s => !string.IsNullOrEmpty(s))!);
                    }
                    break;
            }
        }

        var containing = new List<ContainingType>();
        DiagnosticInfo? error = null;
        for (var outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outerSyntax = outer.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (outerSyntax is null || !outerSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                error ??= DiagnosticInfo.Create(Descriptors.NotPartial, location, symbol.Name);
            }
            if (outer.IsGenericType)
            {
                error ??= DiagnosticInfo.Create(Descriptors.UnsupportedClass, location, symbol.Name, "a containing type is generic");
            }
            containing.Insert(0, new ContainingType(Keyword(outerSyntax, outer), outer.Name));
        }

        if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            error = DiagnosticInfo.Create(Descriptors.NotPartial, location, symbol.Name);
        }
        else if (symbol.IsGenericType)
        {
            error = DiagnosticInfo.Create(Descriptors.UnsupportedClass, location, symbol.Name, "generic classes are not supported");
        }

        if (error is null && rootNamespace is not null && !IsNamespace(rootNamespace))
        {
            error = DiagnosticInfo.Create(Descriptors.UnsupportedClass, location, symbol.Name, "Namespace '" + rootNamespace + "' is not a valid C# namespace");
        }

        var ns = symbol.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        var cls = new ClassModel(ns, symbol.Name, Keyword(syntax, symbol), containing.ToEquatableArray());
        return new ComponentRequest(cls, path, world, rootNamespace, errorMode, features.ToEquatableArray(), location, error);
    }

    private static bool IsNamespace(string value) =>
        value.Trim().Length > 0 && value.Trim().Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);

    // The partial declaration we emit must repeat the declaration's kind (class, record, struct, interface);
    // `static` is repeated as well so the parts agree.
    private static string Keyword(TypeDeclarationSyntax? syntax, INamedTypeSymbol symbol)
    {
        var kind = syntax switch
        {
            RecordDeclarationSyntax r when r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
            RecordDeclarationSyntax => "record",
            StructDeclarationSyntax => "struct",
            InterfaceDeclarationSyntax => "interface",
            _ => "class",
        };
        return symbol.IsStatic ? "static " + kind : kind;
    }
}

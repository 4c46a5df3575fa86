using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace WitSharp.Core.Compilation;

/// <summary>Where the compiled functions of one module sit in a saved assembly, by metadata token: the token of
/// the method of each defined function (index − imported count) and of each export entry (by function index). Binding a loaded artifact resolves only the methods it needs by token
/// (<see cref="ModuleHandle.ResolveMethodHandle(int)"/>) instead of reflecting over every method of the type: a
/// reflection pass over the ~19,000 methods of the componentize-js module cost ~0.2 s, most of the load.</summary>
internal sealed record MethodTokens(int[] Functions, uint[] ExportIndices, int[] ExportTokens)
{
    /// <summary>The token of the export entry of function <paramref name="index"/>, or null (a handful of exports:
    /// a scan, and no <c>Dictionary&lt;uint, int&gt;</c>, whose code no ReadyToRun image holds).</summary>
    public int? ExportEntry(uint index)
    {
        for (int i = 0; i < ExportIndices.Length; i++)
            if (ExportIndices[i] == index) return ExportTokens[i];
        return null;
    }

    /// <summary>Reads the tokens of each module type (name and module, in order) from a saved image's metadata,
    /// parsed once for all of them.</summary>
    public static MethodTokens[] FromImage(byte[] image, IReadOnlyList<(string Type, ModuleInfo Info)> modules)
    {
        using var pe = new PEReader(new MemoryStream(image, writable: false));
        var md = pe.GetMetadataReader();
        return [.. modules.Select(m => Of(md, m.Type, m.Info))];
    }

    private static MethodTokens Of(MetadataReader md, string typeName, ModuleInfo info)
    {
        foreach (var th in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(th);
            if (!md.StringComparer.Equals(type.Name, typeName)) continue;
            var functions = new Dictionary<uint, int>();
            var entries = new Dictionary<uint, int>();
            foreach (var mh in type.GetMethods())
            {
                string name = md.GetString(md.GetMethodDefinition(mh).Name);
                int token = MetadataTokens.GetToken(mh);
                if (name.StartsWith('$') && uint.TryParse(name.AsSpan(1), out uint f)) functions[f] = token;
                else if (name.StartsWith(ModuleEmitter.ExportEntryPrefix, StringComparison.Ordinal)
                    && uint.TryParse(name.AsSpan(ModuleEmitter.ExportEntryPrefix.Length), out uint e)) entries[e] = token;
            }
            uint imported = (uint)info.ImportedFunctionCount;
            var tokens = new int[info.FunctionTypeIndices.Count];
            for (uint i = 0; i < tokens.Length; i++)
                tokens[i] = functions.TryGetValue(imported + i, out int t) ? t : throw new InvalidOperationException($"{typeName} has no method for function {imported + i}");
            var indices = entries.Keys.Order().ToArray();
            return new MethodTokens(tokens, indices, [.. indices.Select(i => entries[i])]);
        }
        throw new InvalidOperationException($"the saved assembly has no type {typeName}");
    }
}

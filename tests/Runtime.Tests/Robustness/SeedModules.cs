using WitSharp.Core.Binary;
using WitSharp.Core.Text;
using WitSharp.Core.Validation;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Robustness;

/// <summary>Valid module binaries to mutate: every module of a selection of spec testsuite scripts (text and
/// binary forms) that decodes and validates, plus the repository's .wasm fixtures. Read once per run.</summary>
internal static class SeedModules
{
    /// <summary>Scripts whose modules together touch every section and most instruction encodings.</summary>
    private static readonly string[] s_scripts =
    [
        "binary.wast", "binary-leb128.wast", "custom.wast", "data.wast", "elem.wast", "exports.wast", "imports.wast",
        "global.wast", "memory.wast", "table.wast", "func.wast", "type.wast", "start.wast", "br_table.wast",
        "call_indirect.wast", "block.wast", "loop.wast", "if.wast", "select.wast", "bulk.wast", "ref_func.wast",
        "i32.wast", "f64.wast", "conversions.wast", "memory_copy.wast", "table_init.wast", "simd_const.wast",
        "simd_lane.wast", "simd_load.wast", "names.wast", "utf8-custom-section-id.wast", "unreached-valid.wast",
    ];

    private static readonly Lazy<IReadOnlyList<byte[]>> s_all = new(Load);

    public static IReadOnlyList<byte[]> All => s_all.Value;

    private static IReadOnlyList<byte[]> Load()
    {
        var modules = new List<byte[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var script in s_scripts)
        {
            var path = Path.Combine(RepoPaths.CorpusDir("core-testsuite"), script);
            if (!File.Exists(path))
                continue;
            foreach (var command in Wast.ParseScript(File.ReadAllText(path)))
            {
                if (command is not WastModuleCommand { Module: var module } || module.Form == WastModuleForm.Quote)
                    continue;
                byte[] bytes;
                try
                {
                    bytes = module.Encode();
                    ModuleValidator.Validate(ModuleDecoder.Decode(bytes));
                }
                catch (WasmException)
                {
                    continue; // modules our front end rejects are not useful seeds
                }
                if (bytes.Length <= 16 * 1024 && seen.Add(Convert.ToBase64String(bytes)))
                    modules.Add(bytes);
            }
        }
        var fixtures = Path.Combine(RepoPaths.Root, "tests", "fixtures");
        if (Directory.Exists(fixtures))
            foreach (var file in Directory.EnumerateFiles(fixtures, "*.wasm", SearchOption.AllDirectories))
            {
                var bytes = File.ReadAllBytes(file);
                if (bytes.Length > 8 && bytes[4] == 1) // core modules only (version 1), not components
                    modules.Add(bytes);
            }
        return modules;
    }
}

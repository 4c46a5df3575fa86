using System.Runtime.CompilerServices;
using WitSharp.Core.Binary;
using WitSharp.Core.Text;
using WitSharp.Core.Validation;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>Every function of every valid module must become IL the JIT accepts, including functions the
/// scripts never call and valid modules made by mutating the suite's ones: the JIT is forced with
/// <see cref="RuntimeHelpers.PrepareMethod(RuntimeMethodHandle)"/>, so no code runs.</summary>
public sealed class CompileEveryFunctionTests
{
    private static readonly string s_suite = RepoPaths.CorpusDir("core-testsuite");
    private static readonly Lazy<Engine> s_engine = new(() => new Engine());

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(s_suite, "*.wast").OrderBy(p => p, StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ValidModulesCompileToVerifiableCode(string file)
    {
        var modules = new List<(int Line, byte[] Bytes)>();
        foreach (var command in Wast.ParseScript(File.ReadAllText(Path.Combine(s_suite, file))))
        {
            var module = command switch
            {
                WastModuleCommand m => m.Module,
                WastAssertModule { Kind: WastModuleAssertion.Unlinkable or WastModuleAssertion.Uninstantiable } a => a.Module,
                _ => null,
            };
            if (module is not null) modules.Add((module.Line, module.Encode()));
        }

        var failures = new List<string>();
        var random = new Random(file.Length * 31 + modules.Count);
        foreach (var (line, bytes) in modules)
        {
            Compile(bytes, $"{file}:{line}", failures);
            // Valid mutants: single-byte changes that still validate.
            for (int k = 0; k < 4 && bytes.Length > 8; k++)
            {
                var copy = (byte[])bytes.Clone();
                int at = random.Next(8, copy.Length);
                copy[at] = (byte)random.Next(256);
                try
                {
                    ModuleValidator.Validate(ModuleDecoder.Decode(copy));
                }
                catch (WasmException)
                {
                    continue;
                }
                Compile(copy, $"{file}:{line} with byte {at} set to 0x{copy[at]:x2} ({Convert.ToHexString(copy)})", failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }

    private static void Compile(byte[] bytes, string what, List<string> failures)
    {
        try
        {
            var module = Module.FromBytes(s_engine.Value, "m", bytes);
            foreach (var method in module.Compiled.Methods) RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Add($"{what}: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
        }
    }
}

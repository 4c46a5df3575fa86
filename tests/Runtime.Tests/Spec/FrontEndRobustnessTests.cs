using WitSharp.Core.Binary;
using WitSharp.Core.Text;
using WitSharp.Core.Validation;
using WitSharp.Tests;

namespace WitSharp.Runtime.Tests.Spec;

/// <summary>Bad input must end in a typed error (<see cref="MalformedException"/> or
/// <see cref="InvalidException"/>), never a crash: every valid module of the spec suite, truncated at
/// every byte and mutated at random (fixed seed), goes through decode and validate.</summary>
public sealed class FrontEndRobustnessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string s_suite = RepoPaths.CorpusDir("core-testsuite");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(s_suite, "*.wast").OrderBy(p => p, StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MutatedModulesFailWithTypedErrors(string file)
    {
        var modules = new List<byte[]>();
        foreach (var command in Wast.ParseScript(File.ReadAllText(Path.Combine(s_suite, file))))
        {
            if (command is not WastModuleCommand m) continue;
            try
            {
                modules.Add(m.Module.Encode());
            }
            catch (WasmException)
            {
                // Not this test's concern: the spec runner reports modules that do not encode.
            }
        }

        var random = new Random(file.Length * 7919 + modules.Count);
        var crashes = new List<string>();
        foreach (var bytes in modules.Take(40))
        {
            int step = Math.Max(1, bytes.Length / 256);
            for (int cut = 0; cut < bytes.Length; cut += step) Check(bytes.AsSpan(0, cut).ToArray(), $"truncated at {cut}", crashes);
            for (int k = 0; k < 64 && bytes.Length > 8; k++)
            {
                var list = bytes.ToList();
                int at = random.Next(8, list.Count);
                int mode = k % 3;
                if (mode == 0) list.RemoveRange(at, Math.Min(random.Next(1, 5), list.Count - at));
                else if (mode == 1) list.InsertRange(at, Enumerable.Range(0, random.Next(1, 5)).Select(_ => (byte)(random.Next(2) == 0 ? 0xFF : random.Next(256))));
                else for (int j = 0; j < 3; j++) list[random.Next(8, list.Count)] = (byte)random.Next(256);
                Check(list.ToArray(), $"mode {mode} at {at}", crashes);
            }
        }
        output.WriteLine($"{modules.Count} modules decoded and validated after truncation and mutation");
        Assert.True(crashes.Count == 0, string.Join(Environment.NewLine, crashes.Distinct().Take(20)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MutatedScriptsFailWithTypedErrors(string file)
    {
        var text = File.ReadAllText(Path.Combine(s_suite, file));
        var random = new Random(file.Length * 104729 + text.Length);
        var crashes = new List<string>();
        for (int k = 0; k < 4; k++)
        {
            int at = random.Next(text.Length);
            // Alternate a cut (the rest of the script is lost) and a one-character deletion.
            var mutated = k % 2 == 0 ? text[..at] : text.Remove(at, 1);
            try
            {
                foreach (var command in Wast.ParseScript(mutated))
                {
                    var module = command switch
                    {
                        WastModuleCommand m => m.Module,
                        WastAssertModule a => a.Module,
                        _ => null,
                    };
                    if (module is null) continue;
                    try
                    {
                        ModuleValidator.Validate(ModuleDecoder.Decode(module.Encode()));
                    }
                    catch (WasmException)
                    {
                    }
                }
            }
            catch (WasmException)
            {
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                crashes.Add($"{(k % 2 == 0 ? "cut" : "deletion")} at {at}: {e.GetType().Name}: {e.Message} {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            }
        }
        Assert.True(crashes.Count == 0, string.Join(Environment.NewLine, crashes.Distinct().Take(20)));
    }

    private static void Check(byte[] bytes, string what, List<string> crashes)
    {
        try
        {
            ModuleValidator.Validate(ModuleDecoder.Decode(bytes));
        }
        catch (Exception e) when (e is MalformedException or InvalidException)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            crashes.Add($"{what}: {e.GetType().Name}: {e.Message} {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
        }
    }
}

using WitSharp.Components;

namespace WitSharp.Precompile;

/// <summary>Parses the command line, compiles the component and writes its artifact. The artifact is bound to this
/// runtime's version and to the code-affecting engine settings chosen by the flags (the same three that
/// <c>Config.WithFuelConsumption/WithEpochInterruption/WithDebugInfo</c> set); the run-time engine must use the
/// same ones for the artifact to be used (docs/RATIONALE.md "Build-time precompilation").</summary>
internal static class PrecompileCommand
{
    private const string Usage = "usage: WitSharp.Precompile <component.wasm> <artifact> [--fuel-consumption] [--epoch-interruption] [--debug-info] [--crossgen2 <path>]";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var positional = new List<string>();
        var config = new Config();
        for (int i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                // Native code for this machine's platform (Config.WithReadyToRunCompiler): the MSBuild targets pass
                // the crossgen2 of the SDK's runtime version, downloaded by restore.
                case "--crossgen2" when i + 1 < args.Length:
                    config.WithReadyToRunCompiler(args[++i]);
                    break;
                case "--fuel-consumption": config.WithFuelConsumption(true); break;
                case "--epoch-interruption": config.WithEpochInterruption(true); break;
                case "--debug-info": config.WithDebugInfo(true); break;
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        stderr.WriteLine($"WitSharp.Precompile: error WITSHARPPC001: unknown option `{arg}`. {Usage}");
                        return 2;
                    }
                    positional.Add(arg);
                    break;
            }
        }
        if (positional.Count != 2)
        {
            stderr.WriteLine($"WitSharp.Precompile: error WITSHARPPC001: expected an input and an output path. {Usage}");
            return 2;
        }
        var (input, output) = (positional[0], positional[1]);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(input);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"{input}: error WITSHARPPC002: cannot read the component: {e.Message}");
            return 1;
        }
        byte[] artifact;
        try
        {
            using var engine = new Engine(config);
            artifact = engine.PrecompileComponent(bytes);
        }
        catch (InvalidOperationException e)
        {
            // The ReadyToRun compiler is missing or failed.
            stderr.WriteLine($"{input}: error WITSHARPPC004: cannot compile the component to native code: {e.Message}");
            return 1;
        }
        catch (WasmException e)
        {
            // Malformed, invalid or unsupported: the same error Component.FromBytes would raise at run time,
            // reported now, at the component's path.
            stderr.WriteLine($"{input}: error WITSHARPPC003: cannot compile the component: {e.Message}");
            return 1;
        }
        WriteAtomically(output, artifact);
        stdout.WriteLine($"WitSharp.Precompile: {input} -> {output} ({bytes.Length} -> {artifact.Length} bytes)");
        return 0;
    }

    /// <summary>Writes through a temporary file and a rename, so an interrupted build never leaves a partial
    /// artifact that incremental builds would take as up to date.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, full, overwrite: true);
    }
}

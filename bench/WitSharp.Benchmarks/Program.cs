using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Benchmarks;

// `dotnet run -c Release --project bench/WitSharp.Benchmarks -- --quick` prints markdown tables quickly;
// anything else goes to BenchmarkDotNet (e.g. `-- --filter '*'`, `-- --filter '*Kernel*'`).
// `-- --wit`: only the WIT parse + resolve table (WitBenchmarks).
if (args.Contains("--wit"))
{
    return WitBenchmarks.Quick(args.SkipWhile(a => a != "--time").Skip(1).Select(double.Parse).FirstOrDefault(1.0));
}

// `-- --components`: only the component-model tables (ComponentBenchmarks; issue 4); add `--instantiate-only`
// for just the instantiation table.
if (args.Contains("--components"))
{
    return ComponentBenchmarks.Quick(args.SkipWhile(a => a != "--time").Skip(1).Select(double.Parse).FirstOrDefault(1.0),
        args.Contains("--instantiate-only"));
}

// `-- --fused`: component-to-component calls through fused adapters (FusedCallBenchmarks; bench/components/fused.wat).
if (args.Contains("--fused"))
{
    return FusedCallBenchmarks.Quick(args.SkipWhile(a => a != "--time").Skip(1).Select(double.Parse).FirstOrDefault(1.0));
}

// `-- --componentize-js`: compile + time to first call of the jco-componentized JavaScript component, one fresh
// process per sample (the children run `--componentize-js-once ours|wasmtime`).
var once = Array.IndexOf(args, "--componentize-js-once");
if (once >= 0)
{
    return ComponentizeJsBenchmarks.Once(args.ElementAtOrDefault(once + 1) ?? "");
}

if (args.Contains("--componentize-js"))
{
    return ComponentizeJsBenchmarks.Run();
}

// `-- --artifacts`: precompiled artifacts of the componentize-js component (issue 6; ArtifactBenchmarks): sizes,
// serialize, and deserialize → first call in fresh processes (`--artifacts-once ours|wasmtime FILE [CACHE]`) vs compiling.
var artifactOnce = Array.IndexOf(args, "--artifacts-once");
if (artifactOnce >= 0)
{
    return ArtifactBenchmarks.Once(args.ElementAtOrDefault(artifactOnce + 1) ?? "", args.ElementAtOrDefault(artifactOnce + 2) ?? "", args.ElementAtOrDefault(artifactOnce + 3));
}

if (args.Contains("--artifacts"))
{
    return ArtifactBenchmarks.Run();
}

#if WITSHARP_ENGINE
// `-- --generated`: call cost through generated bindings (typed path) against the former ComponentValue path.
if (args.Contains("--generated"))
{
    return GeneratedBindingBenchmarks.Quick(args.SkipWhile(a => a != "--time").Skip(1).Select(double.Parse).FirstOrDefault(1.0));
}
#endif

if (args.Contains("--quick"))
{
    return QuickRunner.Run(args);
}

// Short in-process jobs: the machine has 2 cores shared with other work, and an out-of-process
// toolchain would rebuild this project for every benchmark class.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args, config);
return 0;

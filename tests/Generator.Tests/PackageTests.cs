using System.Diagnostics;
using System.IO.Compression;
using WitSharp.Tests;
using Xunit.Abstractions;

namespace WitSharp.Generator.Tests;

/// <summary>Packs src/Runtime (already built in this configuration: <c>--no-build</c>) into a temp folder and
/// checks the one WitSharp package's layout; then builds a fresh project against it from a local folder feed.</summary>
public sealed class PackageTests(ITestOutputHelper output) : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _temp = Directory.CreateTempSubdirectory("witsharp-pack-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private (int ExitCode, string Output) Dotnet(string arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment is not null)
        {
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet " + arguments + " timed out");
        var text = stdout.Result + stderr.Result;
        output.WriteLine("dotnet " + arguments + " → " + p.ExitCode);
        return (p.ExitCode, text);
    }

    private string Pack()
    {
        var feed = Path.Combine(_temp, "feed");
        var project = Path.Combine(RepoPaths.Root, "src", "Runtime", "Runtime.csproj");
        var (code, text) = Dotnet($"pack \"{project}\" -c {Configuration} --no-build -o \"{feed}\" -p:NuGetAudit=false", RepoPaths.Root);
        Assert.True(code == 0, text);
        return feed;
    }

    [Fact]
    public void PackageHasRuntimeGeneratorAndBuildFiles()
    {
        var feed = Pack();
        var nupkg = Assert.Single(Directory.GetFiles(feed, "WitSharp.*.nupkg"), f => !f.EndsWith(".snupkg", StringComparison.Ordinal));
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var expected in new[]
                 {
                     "lib/net10.0/WitSharp.dll", "lib/net10.0/WitSharp.xml", "lib/net10.0/WitSharp.Wit.dll",
                     "analyzers/dotnet/cs/WitSharp.Generator.dll", "analyzers/dotnet/cs/WitSharp.Wit.dll",
                     "build/WitSharp.props", "build/WitSharp.targets",
                     // The build-time compiler behind <WasmComponent Precompile="true" />, with what it runs with.
                     "tools/precompile/WitSharp.Precompile.dll", "tools/precompile/WitSharp.Precompile.runtimeconfig.json",
                     "tools/precompile/WitSharp.dll", "tools/precompile/WitSharp.Wit.dll",
                 })
        {
            Assert.Contains(expected, entries);
        }
        // The ReadyToRun analyzer copies src/Generator makes for the building SDK's RID travel in build/r2r/<rid>/
        // (build/WitSharp.targets hands them to a .NET compiler of that RID); never under analyzers/, where every
        // .dll would be passed to the compiler as one more analyzer.
        var r2r = Path.Combine(RepoPaths.Root, "src", "Generator", "bin", Configuration, "netstandard2.0", "r2r");
        if (Directory.Exists(r2r))
        {
            foreach (var rid in Directory.GetDirectories(r2r).Select(Path.GetFileName))
            {
                Assert.Contains($"build/r2r/{rid}/WitSharp.Generator.dll", entries);
                Assert.Contains($"build/r2r/{rid}/WitSharp.Wit.dll", entries);
            }
        }
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal) && e.Contains("r2r", StringComparison.Ordinal));
        // One package: the WIT library travels inside it, so the package depends on nothing.
        using (var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()))
        {
            var text = nuspec.ReadToEnd();
            Assert.Contains("<id>WitSharp</id>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<dependency ", text, StringComparison.Ordinal);
        }
        // The analyzer copy of WitSharp.Wit must be the netstandard2.0 build the compiler can load.
        using (var analyzerWit = zip.GetEntry("analyzers/dotnet/cs/WitSharp.Wit.dll")!.Open())
        using (var ms = new MemoryStream())
        {
            analyzerWit.CopyTo(ms);
            var bytes = ms.ToArray();
            Assert.Contains("netstandard", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        }
        var snupkg = Assert.Single(Directory.GetFiles(feed, "WitSharp.*.snupkg"));
        using var symbols = ZipFile.OpenRead(snupkg);
        Assert.Contains(symbols.Entries, e => e.FullName == "lib/net10.0/WitSharp.pdb");
    }

    /// <summary>The whole path a user takes: a new class library references the package from a folder feed,
    /// lists its WIT with &lt;WitFile&gt;, attributes a class, and uses the generated types.</summary>
    [Fact]
    public void FreshProjectBuildsAgainstThePackage()
    {
        var feed = Pack();
        var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(feed, "WitSharp.*.nupkg").First(f => !f.EndsWith(".snupkg", StringComparison.Ordinal)))["WitSharp.".Length..];
        var app = Path.Combine(_temp, "app");
        Directory.CreateDirectory(Path.Combine(app, "wit"));
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="WitSharp" Version="{version}" />
                <WitFile Include="wit/**/*.wit" />
                <WasmComponent Include="plugins/types.wasm" Precompile="true" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "wit", "calc.wit"), """
            package my:calc;

            interface math {
              record pair { a: s32, b: s32 }
              add: func(p: pair) -> s32;
            }

            world calc {
              import math;
              export run: func(n: u32) -> result<u32, string>;
            }
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using App.My.Calc.Math;

            namespace App;

            [WitSharp.ComponentImport("wit/", World = "calc")]
            public partial class Calc;

            public sealed class HostMath : IMath
            {
                public int Add(Pair p) => p.A + p.B;
            }

            [WitSharp.ComponentImport("plugins/types.wasm")]
            public partial class Types;

            public static class Use
            {
                public static string Describe(Calc.IExports exports) => Calc.WorldName + " " + exports.Run(1);

                public static string Describe(Types.IExports exports, App.Test.Types.V1_2_0.Host.IHost host) =>
                    Types.WorldName + " " + exports.Add(1, 2) + " " + host.Move(new App.Test.Types.V1_2_0.Host.Point(1, 2));
            }
            """);
        Directory.CreateDirectory(Path.Combine(app, "plugins"));
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "fixtures", "wat", "types.wasm"), Path.Combine(app, "plugins", "types.wasm"));
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_temp, "packages") };
        var (code, text) = Dotnet("build -c Release", app, env);
        Assert.True(code == 0, text);

        // The component is embedded so it needs no path at run time, and with Precompile="true" so is the
        // artifact the packaged tool compiled from it.
        var dll = Path.Combine(app, "bin", "Release", "net10.0", "App.dll");
        var resources = ResourceNames(dll);
        Assert.Contains("WitSharp.Component:plugins/types.wasm", resources);
        Assert.Contains("WitSharp.ComponentArtifact:plugins/types.wasm", resources);

        // The artifact is one this runtime loads for an engine with the default settings.
        var artifactPath = Path.Combine(app, "obj", "Release", "net10.0", "witsharp", "plugins", "types.wasm.cwasm");
        using (var engine = new Engine())
        {
            var component = WitSharp.Components.Component.Deserialize(engine, File.ReadAllBytes(artifactPath));
            Assert.Contains("add", component.ExportNames);
        }

        // Incremental: a second build does not run the tool again (the artifact is newer than its inputs).
        var written = File.GetLastWriteTimeUtc(artifactPath);
        (code, text) = Dotnet("build -c Release", app, env);
        Assert.True(code == 0, text);
        Assert.Equal(written, File.GetLastWriteTimeUtc(artifactPath));
    }

    private static List<string> ResourceNames(string assemblyPath)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assemblyPath));
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return [.. md.ManifestResources.Select(h => md.GetString(md.GetManifestResource(h).Name))];
    }
}

namespace WitSharp.Runtime.Tests.Wasi;

/// <summary>The same C fixtures run on Wasmtime.Dotnet 50.0.1 (the oracle) and on WitSharp with the same
/// configuration: stdout, stderr and the exit code must be identical.</summary>
public sealed class WasiDifferentialTests
{
    [Theory]
    [InlineData("hello", "a b|ü")]
    [InlineData("exit", "42")]
    [InlineData("random", "")]
    [InlineData("clock", "")]
    [InlineData("stdin", "")]
    [InlineData("files", "/sandbox")]
    public void Fixture_behaves_as_on_wasmtime(string name, string args)
    {
        var argv = new[] { name }.Concat(args.Length == 0 ? [] : args.Split('|')).ToArray();
        var input = Path.GetTempFileName();
        File.WriteAllText(input, "some input\n");
        var ours = WasiFixtures.SandboxWithInput("one\ntwo\n");
        var theirs = WasiFixtures.SandboxWithInput("one\ntwo\n");
        try
        {
            var expected = WasiFixtures.RunOnWasmtime(name, c => c.WithArgs(argv).WithEnvironmentVariable("GREETING", "hey")
                .WithStandardInput(input).WithPreopenedDirectory(theirs, "/sandbox", true));
            var actual = WasiFixtures.Run(name, c => c.WithArgs(argv).WithEnvironmentVariable("GREETING", "hey")
                .WithStandardInput(input).WithPreopenedDirectory(ours, "/sandbox", true));
            Assert.Equal(expected.Stdout, actual.Stdout);
            Assert.Equal(expected.Stderr, actual.Stderr);
            Assert.Equal(expected.ExitCode, actual.ExitCode);
            Assert.Equal(expected.Error, actual.Error);
        }
        finally
        {
            File.Delete(input);
            Directory.Delete(ours, recursive: true);
            Directory.Delete(theirs, recursive: true);
        }
    }
}

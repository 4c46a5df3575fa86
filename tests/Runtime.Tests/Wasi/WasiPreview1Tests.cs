namespace WitSharp.Runtime.Tests.Wasi;

/// <summary>The WASI preview-1 host (Linker.DefineWasi) running real C programs compiled with wasi-libc:
/// exact stdout/stderr and exit codes.</summary>
public sealed class WasiPreview1Tests
{
    [Fact]
    public void Arguments_environment_and_standard_streams()
    {
        var r = WasiFixtures.Run("hello", c => c.WithArgs("hello.wasm", "a b", "ü").WithEnvironmentVariable("GREETING", "hi there"));
        Assert.Null(r.Error);
        Assert.Null(r.ExitCode);
        Assert.Equal("hello from wasi\nargc=3\nargv[0]=hello.wasm\nargv[1]=a b\nargv[2]=ü\nGREETING=hi there\nenviron count=1\n", r.Stdout);
        Assert.Equal("to stderr\n", r.Stderr);
    }

    [Fact]
    public void No_configuration_beyond_streams_means_no_arguments_and_no_environment()
    {
        var r = WasiFixtures.Run("hello", c => c);
        Assert.Equal("hello from wasi\nargc=0\nGREETING=(unset)\nenviron count=0\n", r.Stdout);
    }

    [Theory]
    [InlineData("3", 3)]
    [InlineData("0", 0)]
    [InlineData("255", 255)]
    public void Proc_exit_surfaces_the_exit_code(string arg, int code)
    {
        var r = WasiFixtures.Run("exit", c => c.WithArgs("exit", arg));
        Assert.Equal(code, r.ExitCode);
        var exit = Assert.IsType<WasiExitException>(r.Exception);
        Assert.Contains($"Exited with i32 exit status {code}", exit.Message);
        // The name section names the C functions the exit unwound through.
        Assert.Contains(exit.Frames!, f => f.FunctionName == "main");
        Assert.Equal($"exiting with {code}\n", r.Stdout);
    }

    [Fact]
    public void Files_in_a_preopened_directory_and_the_sandbox()
    {
        var dir = WasiFixtures.SandboxWithInput("line one\nline two\n");
        try
        {
            var r = WasiFixtures.Run("files", c => c.WithArgs("files", "/sandbox").WithPreopenedDirectory(dir, "/sandbox", true));
            Assert.Null(r.Error);
            Assert.Equal("""
                input: line one
                input: line two
                size=23 seek_end=23 read@6=line regular=1
                sub is dir=1
                entries: input.txt sub
                escape with ..: Operation not permitted
                absolute outside preopen: Capabilities insufficient
                missing file: No such file or directory
                sub exists after rmdir: 0

                """.ReplaceLineEndings("\n"), r.Stdout);
            Assert.Equal(["input.txt"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(dir)!, "escape.txt")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_read_only_preopen_refuses_changes()
    {
        var dir = WasiFixtures.SandboxWithInput("ro\n");
        try
        {
            var r = WasiFixtures.Run("files", c => c.WithArgs("files", "/ro").WithPreopenedDirectory(dir, "/ro", false));
            Assert.Equal("input: ro\ncreate out.txt failed: Operation not permitted\n", r.Stdout);
            Assert.Equal(["input.txt"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Clocks_sleep_and_yield()
    {
        var r = WasiFixtures.Run("clock", c => c);
        Assert.Equal("realtime res ok=1\nrealtime after 2020=1\nmonotonic advanced by >= 20ms: 1\nsched_yield=0\n", r.Stdout);
    }

    [Fact]
    public void Random_bytes()
    {
        Assert.Equal("random differs=1 nonzero=1\n", WasiFixtures.Run("random", c => c).Stdout);
    }

    [Fact]
    public void Standard_input_from_a_file_or_empty()
    {
        var input = Path.GetTempFileName();
        try
        {
            File.WriteAllText(input, "abc\ndef\n");
            Assert.Equal("ABC\nDEF\n[8 bytes]\n", WasiFixtures.Run("stdin", c => c.WithStandardInput(input)).Stdout);
            Assert.Equal("[0 bytes]\n", WasiFixtures.Run("stdin", c => c).Stdout);
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void Standard_output_to_a_callback()
    {
        var engine = new Engine();
        var linker = new Linker(engine);
        linker.DefineWasi();
        using var store = new Store(engine);
        var captured = new System.IO.MemoryStream();
        store.SetWasiConfiguration(new WasiConfiguration().WithArgs("x").WithStandardOutputCallback(data => captured.Write(data)));
        linker.Instantiate(store, Module.FromFile(engine, WasiFixtures.PathOf("hello"))).GetAction("_start")!();
        Assert.StartsWith("hello from wasi\nargc=1\nargv[0]=x\n", System.Text.Encoding.UTF8.GetString(captured.ToArray()));
    }

    [Fact]
    public void A_wasi_call_without_a_configuration_fails_with_a_clear_error()
    {
        var engine = new Engine();
        var linker = new Linker(engine);
        linker.DefineWasi();
        using var store = new Store(engine);
        var instance = linker.Instantiate(store, Module.FromFile(engine, WasiFixtures.PathOf("random")));
        var e = Assert.ThrowsAny<WasmtimeException>(() => instance.GetAction("_start")!());
        Assert.Contains("SetWasiConfiguration", e.Message);
    }
}

namespace WitSharp;

/// <summary>Receives the bytes a guest writes to stdout or stderr (wasmtime-dotnet <c>WasiOutputCallback</c>).
/// Here the callback runs on the thread executing the guest, during the guest's <c>fd_write</c>. If it
/// throws, the exception is discarded and the stream is closed: that write and every later write to the
/// stream fail in the guest, as wasmtime-dotnet documents.</summary>
/// <param name="data">The bytes written, valid only until the callback returns.</param>
public delegate void WasiOutputCallback(ReadOnlySpan<byte> data);

/// <summary>What a store's WASI preview-1 host (<c>wasi_snapshot_preview1</c>, see
/// <see cref="Linker.DefineWasi"/>) gives the guest: arguments, environment, standard streams and preopened
/// directories (wasmtime-dotnet <c>WasiConfiguration</c>). Apply it with
/// <see cref="Store.SetWasiConfiguration"/>; by default a guest gets no arguments, no environment, an empty
/// stdin, discarded stdout/stderr and no file system access.</summary>
public class WasiConfiguration
{
    internal readonly List<string> Args = [];
    internal readonly List<(string Name, string Value)> Environment = [];
    internal readonly List<(string HostPath, string GuestPath, bool Mutable)> Preopens = [];
    internal bool InheritArgs, InheritEnvironment;
    internal WasiStreamSource StandardInput = WasiStreamSource.None;
    internal WasiStreamSource StandardOutput = WasiStreamSource.None;
    internal WasiStreamSource StandardError = WasiStreamSource.None;

    /// <summary>Adds a command line argument (the first is the program name, <c>argv[0]</c>).</summary>
    public WasiConfiguration WithArg(string arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        InheritArgs = false;
        Args.Add(arg);
        return this;
    }

    /// <summary>Adds command line arguments.</summary>
    public WasiConfiguration WithArgs(IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (var a in args) WithArg(a);
        return this;
    }

    /// <summary>Adds command line arguments.</summary>
    public WasiConfiguration WithArgs(params string[] args) => WithArgs((IEnumerable<string>)args);

    /// <summary>Adds command line arguments.</summary>
    public WasiConfiguration WithArgs(ReadOnlySpan<string> args)
    {
        foreach (var a in args) WithArg(a);
        return this;
    }

    /// <summary>Gives the guest this process's command line arguments; explicit arguments are removed.</summary>
    public WasiConfiguration WithInheritedArgs()
    {
        Args.Clear();
        InheritArgs = true;
        return this;
    }

    /// <summary>Adds an environment variable.</summary>
    public WasiConfiguration WithEnvironmentVariable(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Length == 0 || name.Contains('=')) throw new ArgumentException("an environment variable name must be non-empty and contain no '='", nameof(name));
        InheritEnvironment = false;
        Environment.Add((name, value));
        return this;
    }

    /// <summary>Adds environment variables.</summary>
    public WasiConfiguration WithEnvironmentVariables(IEnumerable<(string, string)> vars)
    {
        ArgumentNullException.ThrowIfNull(vars);
        foreach (var (name, value) in vars) WithEnvironmentVariable(name, value);
        return this;
    }

    /// <summary>Gives the guest this process's environment; explicit variables are removed.</summary>
    public WasiConfiguration WithInheritedEnvironment()
    {
        Environment.Clear();
        InheritEnvironment = true;
        return this;
    }

    /// <summary>Uses the file at <paramref name="path"/> as stdin.</summary>
    public WasiConfiguration WithStandardInput(string path) { StandardInput = WasiStreamSource.File(path); return this; }

    /// <summary>Gives the guest this process's stdin.</summary>
    public WasiConfiguration WithInheritedStandardInput() { StandardInput = WasiStreamSource.Inherited; return this; }

    /// <summary>Writes stdout to the file at <paramref name="path"/> (created or truncated when the configuration is applied).</summary>
    public WasiConfiguration WithStandardOutput(string path) { StandardOutput = WasiStreamSource.File(path); return this; }

    /// <summary>Passes everything the guest writes to stdout to <paramref name="callback"/>.</summary>
    public WasiConfiguration WithStandardOutputCallback(WasiOutputCallback callback) { StandardOutput = WasiStreamSource.Callback(callback); return this; }

    /// <summary>Gives the guest this process's stdout.</summary>
    public WasiConfiguration WithInheritedStandardOutput() { StandardOutput = WasiStreamSource.Inherited; return this; }

    /// <summary>Writes stderr to the file at <paramref name="path"/> (created or truncated when the configuration is applied).</summary>
    public WasiConfiguration WithStandardError(string path) { StandardError = WasiStreamSource.File(path); return this; }

    /// <summary>Passes everything the guest writes to stderr to <paramref name="callback"/>.</summary>
    public WasiConfiguration WithStandardErrorCallback(WasiOutputCallback callback) { StandardError = WasiStreamSource.Callback(callback); return this; }

    /// <summary>Gives the guest this process's stderr.</summary>
    public WasiConfiguration WithInheritedStandardError() { StandardError = WasiStreamSource.Inherited; return this; }

    /// <summary>Lets the guest use the host directory <paramref name="path"/> under the name
    /// <paramref name="guestPath"/>. The guest cannot reach anything outside it (paths with <c>..</c> that
    /// leave it, absolute paths and symbolic links pointing outside fail with <c>EPERM</c>).</summary>
    /// <param name="path">The host directory.</param>
    /// <param name="guestPath">The name the guest opens it by (for example <c>/sandbox</c> or <c>.</c>).</param>
    /// <param name="mutable">When false, operations that change the file system fail with <c>EPERM</c>.</param>
    public WasiConfiguration WithPreopenedDirectory(string path, string guestPath, bool mutable = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(guestPath);
        Preopens.Add((path, guestPath, mutable));
        return this;
    }
}

/// <summary>Where a standard stream comes from or goes to.</summary>
internal sealed record WasiStreamSource(string Kind, string? Path = null, WasiOutputCallback? Sink = null)
{
    public static readonly WasiStreamSource None = new("none");
    public static readonly WasiStreamSource Inherited = new("inherit");
    public static WasiStreamSource File(string path) => new("file", path ?? throw new ArgumentNullException(nameof(path)));
    public static WasiStreamSource Callback(WasiOutputCallback callback) => new("callback", Sink: callback ?? throw new ArgumentNullException(nameof(callback)));
}

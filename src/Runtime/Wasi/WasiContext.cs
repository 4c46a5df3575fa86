using System.Text;

namespace WitSharp.Wasi;

/// <summary>The WASI preview-1 state of one store, built from a <see cref="WasiConfiguration"/> by
/// <see cref="Store.SetWasiConfiguration"/>: arguments, environment and the descriptor table (0-2 the standard
/// streams, then the preopened directories in the order they were added).</summary>
internal sealed class WasiContext : IDisposable
{
    private readonly List<WasiDescriptor?> _fds = [];

    public IReadOnlyList<byte[]> Args { get; }
    public IReadOnlyList<byte[]> Environment { get; }

    private WasiContext(IReadOnlyList<byte[]> args, IReadOnlyList<byte[]> environment)
    {
        Args = args;
        Environment = environment;
    }

    public static WasiContext Create(WasiConfiguration config)
    {
        var args = config.InheritArgs ? System.Environment.GetCommandLineArgs() : config.Args.ToArray();
        var env = config.InheritEnvironment
            ? System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(e => $"{e.Key}={e.Value}").ToArray()
            : config.Environment.Select(e => $"{e.Name}={e.Value}").ToArray();
        var ctx = new WasiContext([.. args.Select(Encoding.UTF8.GetBytes)], [.. env.Select(Encoding.UTF8.GetBytes)]);
        try
        {
            ctx._fds.Add(OpenStream(config.StandardInput, input: true, () => Console.OpenStandardInput()));
            ctx._fds.Add(OpenStream(config.StandardOutput, input: false, () => Console.OpenStandardOutput()));
            ctx._fds.Add(OpenStream(config.StandardError, input: false, () => Console.OpenStandardError()));
            foreach (var (hostPath, guestPath, mutable) in config.Preopens)
            {
                var full = Path.GetFullPath(hostPath);
                if (!Directory.Exists(full)) throw new WasmtimeException($"failed to open preopened directory `{hostPath}`: not a directory");
                ctx._fds.Add(new WasiDirectory(full, full, mutable, guestPath));
            }
        }
        catch
        {
            ctx.Dispose();
            throw;
        }
        return ctx;
    }

    private static WasiStream OpenStream(WasiStreamSource source, bool input, Func<Stream> inherited)
    {
        try
        {
            return source.Kind switch
            {
                "inherit" => new WasiStream(inherited(), null, ownsStream: false),
                "callback" => new WasiStream(null, source.Sink, ownsStream: false),
                "file" => new WasiStream(input
                    ? new FileStream(source.Path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)
                    : new FileStream(source.Path!, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0), null, ownsStream: true),
                _ => new WasiStream(null, null, ownsStream: false),
            };
        }
        catch (IOException e)
        {
            throw new WasmtimeException($"failed to open `{source.Path}` as standard {(input ? "input" : "output")}: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new WasmtimeException($"failed to open `{source.Path}` as standard {(input ? "input" : "output")}: {e.Message}", e);
        }
    }

    /// <summary>The descriptor <paramref name="fd"/>, or EBADF.</summary>
    public WasiDescriptor Get(int fd) =>
        fd >= 0 && fd < _fds.Count && _fds[fd] is { } d ? d : throw new WasiErrnoException(Errno.Badf);

    public T Get<T>(int fd, int wrongKind = Errno.Badf) where T : WasiDescriptor =>
        Get(fd) as T ?? throw new WasiErrnoException(wrongKind);

    /// <summary>Adds a descriptor at the lowest free number (POSIX's rule).</summary>
    public int Add(WasiDescriptor d)
    {
        int free = _fds.IndexOf(null);
        if (free >= 0)
        {
            _fds[free] = d;
            return free;
        }
        _fds.Add(d);
        return _fds.Count - 1;
    }

    public void Close(int fd)
    {
        Get(fd).Dispose();
        _fds[fd] = null;
    }

    /// <summary><c>fd_renumber</c>: moves <paramref name="from"/> to <paramref name="to"/>, closing what was there.</summary>
    public void Renumber(int from, int to)
    {
        var d = Get(from);
        Get(to).Dispose();
        _fds[to] = d;
        _fds[from] = null;
    }

    public void Dispose()
    {
        foreach (var d in _fds) d?.Dispose();
        _fds.Clear();
    }
}

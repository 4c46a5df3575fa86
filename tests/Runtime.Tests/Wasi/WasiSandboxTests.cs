namespace WitSharp.Runtime.Tests.Wasi;

/// <summary>WASI preview-1 calls made directly from a hand-written module, to reach the error paths a libc
/// never takes: hostile pointers (EFAULT, never a host crash), bad descriptors, paths leaving the preopen,
/// and the functions answered with ENOSYS.</summary>
public sealed class WasiSandboxTests : IDisposable
{
    private const int Success = 0, Badf = 8, Fault = 21, NoEnt = 44, NoSys = 52, Perm = 63;

    private readonly string _dir = Directory.CreateTempSubdirectory("witsharp-wasi-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("witsharp-outside-").FullName;
    private readonly Store _store;
    private readonly Instance _instance;

    public WasiSandboxTests()
    {
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "secret");
        var engine = new Engine();
        var linker = new Linker(engine);
        linker.DefineWasi();
        _store = new Store(engine);
        _store.SetWasiConfiguration(new WasiConfiguration().WithPreopenedDirectory(_dir, "/sandbox", true));
        var module = Module.FromText(engine, "probe", """
            (module
              (import "wasi_snapshot_preview1" "path_open"
                (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $dir_name (param i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "sock_accept" (func $sock_accept (param i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              ;; open(dirfd 3, path at [ptr, ptr+len)) for reading; the new fd is stored at 1024
              (func (export "open") (param $ptr i32) (param $len i32) (result i32)
                (call $path_open (i32.const 3) (i32.const 1) (local.get $ptr) (local.get $len)
                  (i32.const 0) (i64.const 2) (i64.const 0) (i32.const 0) (i32.const 1024)))
              (func (export "opened") (result i32) (i32.load (i32.const 1024)))
              (func (export "write") (param $fd i32) (param $iovs i32) (param $n i32) (param $out i32) (result i32)
                (call $fd_write (local.get $fd) (local.get $iovs) (local.get $n) (local.get $out)))
              (func (export "dir_name") (param $fd i32) (param $ptr i32) (param $len i32) (result i32)
                (call $dir_name (local.get $fd) (local.get $ptr) (local.get $len)))
              (func (export "random") (param $ptr i32) (param $len i32) (result i32)
                (call $random_get (local.get $ptr) (local.get $len)))
              (func (export "accept") (result i32) (call $sock_accept (i32.const 3) (i32.const 0) (i32.const 0))))
            """);
        _instance = linker.Instantiate(_store, module);
    }

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_dir, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private int Open(string path)
    {
        var memory = _instance.GetMemory("memory")!;
        memory.WriteString(2048, path);
        return _instance.GetFunction<int, int, int>("open")!(2048, System.Text.Encoding.UTF8.GetByteCount(path));
    }

    [Fact]
    public void Paths_inside_the_preopen_open()
    {
        File.WriteAllText(Path.Combine(_dir, "in.txt"), "x");
        Directory.CreateDirectory(Path.Combine(_dir, "d"));
        Assert.Equal(Success, Open("in.txt"));
        Assert.Equal(Success, Open("d/../in.txt"));
        Assert.Equal(Success, Open("./d/./../in.txt"));
        Assert.Equal(NoEnt, Open("nope.txt"));
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("d/../../secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    public void Paths_leaving_the_preopen_are_refused(string path)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "d"));
        Assert.Equal(Perm, Open(path));
    }

    [Fact]
    public void A_symbolic_link_pointing_outside_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_dir, "link.txt"), Path.Combine(_outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "linkdir"), _outside);
        File.CreateSymbolicLink(Path.Combine(_dir, "inside.txt"), Path.Combine(_dir, "target.txt"));
        File.WriteAllText(Path.Combine(_dir, "target.txt"), "t");
        Assert.Equal(Perm, Open("link.txt"));
        Assert.Equal(Perm, Open("linkdir/secret.txt"));
        Assert.Equal(Success, Open("inside.txt"));
    }

    [Fact]
    public void Guest_pointers_out_of_bounds_give_EFAULT()
    {
        var write = _instance.GetFunction<int, int, int, int, int>("write")!;
        var memory = _instance.GetMemory("memory")!;
        Assert.Equal(Fault, write(1, 65536 - 4, 1, 0));           // iovec array past the end
        memory.WriteInt32(0, 65000);
        memory.WriteInt32(4, 10_000);                             // buffer past the end
        Assert.Equal(Fault, write(1, 0, 1, 16));
        memory.WriteInt32(4, 4);
        Assert.Equal(Fault, write(1, 0, 1, -1));                  // result pointer past the end
        Assert.Equal(Fault, write(1, 0, int.MaxValue, 16));      // huge iovec count
        Assert.Equal(Fault, _instance.GetFunction<int, int, int>("random")!(65530, 100));
        Assert.Equal(Fault, _instance.GetFunction<int, int, int, int>("dir_name")!(3, -8, 8));
        Assert.Equal(Success, write(1, 0, 1, 16));
    }

    [Fact]
    public void Bad_descriptors_give_EBADF()
    {
        var write = _instance.GetFunction<int, int, int, int, int>("write")!;
        Assert.Equal(Badf, write(99, 0, 0, 16));
        Assert.Equal(Badf, write(-1, 0, 0, 16));
        Assert.Equal(Badf, _instance.GetFunction<int, int, int, int>("dir_name")!(1, 0, 8));
    }

    [Fact]
    public void Functions_not_provided_return_ENOSYS()
    {
        Assert.Equal(NoSys, _instance.GetFunction<int>("accept")!());
    }

    [Fact]
    public void Every_preview1_function_is_defined()
    {
        // The full wasi_snapshot_preview1 witx list: a module importing any of them links.
        string[] all =
        [
            "args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get", "clock_time_get",
            "fd_advise", "fd_allocate", "fd_close", "fd_datasync", "fd_fdstat_get", "fd_fdstat_set_flags",
            "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread",
            "fd_prestat_get", "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek",
            "fd_sync", "fd_tell", "fd_write", "path_create_directory", "path_filestat_get", "path_filestat_set_times",
            "path_link", "path_open", "path_readlink", "path_remove_directory", "path_rename", "path_symlink",
            "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise", "sched_yield", "random_get", "sock_accept",
            "sock_recv", "sock_send", "sock_shutdown",
        ];
        var linker = new Linker(new Engine());
        linker.DefineWasi();
        Assert.All(all, name => Assert.NotNull(linker.GetFunction(_store, "wasi_snapshot_preview1", name)));
    }
}

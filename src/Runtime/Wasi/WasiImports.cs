namespace WitSharp.Wasi;

/// <summary>Defines every function of <c>wasi_snapshot_preview1</c> in a linker (<see cref="Linker.DefineWasi"/>).
/// Each is a typed host function taking the <see cref="Caller"/>, so guest calls do not box. Functions this
/// host does not provide (sockets, links, timestamps, signals, rights narrowing, preallocation) return
/// <c>ENOSYS</c> (52); docs/RATIONALE.md lists them.</summary>
internal static class WasiImports
{
    public const string Module = "wasi_snapshot_preview1";

    /// <summary>The preview-1 functions answered with ENOSYS.</summary>
    public static readonly string[] NotImplemented =
    [
        "fd_allocate", "fd_fdstat_set_rights", "fd_filestat_set_times", "path_filestat_set_times", "path_link",
        "path_symlink", "proc_raise", "sock_accept", "sock_recv", "sock_send", "sock_shutdown",
    ];

    public static void Define(Linker linker)
    {
        const string m = Module;
        // Arguments, environment, clocks, randomness, process.
        linker.DefineFunction(m, "args_sizes_get", (Caller c, int count, int size) => WasiCall.Run(c, (x, g) => WasiEnvironmentFunctions.SizesGet(x.Args, g, count, size)));
        linker.DefineFunction(m, "args_get", (Caller c, int argv, int buffer) => WasiCall.Run(c, (x, g) => WasiEnvironmentFunctions.Get(x.Args, g, argv, buffer)));
        linker.DefineFunction(m, "environ_sizes_get", (Caller c, int count, int size) => WasiCall.Run(c, (x, g) => WasiEnvironmentFunctions.SizesGet(x.Environment, g, count, size)));
        linker.DefineFunction(m, "environ_get", (Caller c, int environ, int buffer) => WasiCall.Run(c, (x, g) => WasiEnvironmentFunctions.Get(x.Environment, g, environ, buffer)));
        linker.DefineFunction(m, "clock_res_get", (Caller c, int id, int result) => WasiCall.Run(c, (_, g) => WasiEnvironmentFunctions.ClockResGet(g, id, result)));
        linker.DefineFunction(m, "clock_time_get", (Caller c, int id, long precision, int result) => WasiCall.Run(c, (_, g) => WasiEnvironmentFunctions.ClockTimeGet(g, id, result)));
        linker.DefineFunction(m, "random_get", (Caller c, int buffer, int length) => WasiCall.Run(c, (_, g) => WasiEnvironmentFunctions.RandomGet(g, buffer, length)));
        linker.DefineFunction(m, "proc_exit", (int code) => WasiEnvironmentFunctions.ProcExit(code));
        linker.DefineFunction(m, "sched_yield", () => WasiEnvironmentFunctions.SchedYield());
        linker.DefineFunction(m, "poll_oneoff", (Caller c, int input, int output, int count, int events) => WasiCall.Run(c, (x, g) => WasiPoll.PollOneoff(x, g, input, output, count, events)));

        // Descriptors.
        linker.DefineFunction(m, "fd_write", (Caller c, int fd, int iovs, int count, int written) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.Write(x, g, fd, iovs, count, written)));
        linker.DefineFunction(m, "fd_pwrite", (Caller c, int fd, int iovs, int count, long offset, int written) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.PWrite(x, g, fd, iovs, count, offset, written)));
        linker.DefineFunction(m, "fd_read", (Caller c, int fd, int iovs, int count, int read) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.Read(x, g, fd, iovs, count, read)));
        linker.DefineFunction(m, "fd_pread", (Caller c, int fd, int iovs, int count, long offset, int read) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.PRead(x, g, fd, iovs, count, offset, read)));
        linker.DefineFunction(m, "fd_seek", (Caller c, int fd, long offset, int whence, int result) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.Seek(x, g, fd, offset, whence, result)));
        linker.DefineFunction(m, "fd_tell", (Caller c, int fd, int result) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.Tell(x, g, fd, result)));
        linker.DefineFunction(m, "fd_close", (Caller c, int fd) => WasiCall.Run(c, (x, _) => { x.Close(fd); return Errno.Success; }));
        linker.DefineFunction(m, "fd_renumber", (Caller c, int from, int to) => WasiCall.Run(c, (x, _) => { x.Renumber(from, to); return Errno.Success; }));
        linker.DefineFunction(m, "fd_fdstat_get", (Caller c, int fd, int result) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.FdstatGet(x, g, fd, result)));
        linker.DefineFunction(m, "fd_fdstat_set_flags", (Caller c, int fd, int flags) => WasiCall.Run(c, (x, _) => WasiDescriptorFunctions.FdstatSetFlags(x, fd, flags)));
        linker.DefineFunction(m, "fd_filestat_get", (Caller c, int fd, int result) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.FilestatGet(x, g, fd, result)));
        linker.DefineFunction(m, "fd_filestat_set_size", (Caller c, int fd, long size) => WasiCall.Run(c, (x, _) => WasiDescriptorFunctions.FilestatSetSize(x, fd, size)));
        linker.DefineFunction(m, "fd_sync", (Caller c, int fd) => WasiCall.Run(c, (x, _) => WasiDescriptorFunctions.Sync(x, fd)));
        linker.DefineFunction(m, "fd_datasync", (Caller c, int fd) => WasiCall.Run(c, (x, _) => WasiDescriptorFunctions.Sync(x, fd)));
        linker.DefineFunction(m, "fd_advise", (Caller c, int fd, long offset, long length, int advice) => WasiCall.Run(c, (x, _) => WasiDescriptorFunctions.Advise(x, fd, offset, length, advice)));
        linker.DefineFunction(m, "fd_prestat_get", (Caller c, int fd, int result) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.PrestatGet(x, g, fd, result)));
        linker.DefineFunction(m, "fd_prestat_dir_name", (Caller c, int fd, int buffer, int length) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.PrestatDirName(x, g, fd, buffer, length)));
        linker.DefineFunction(m, "fd_readdir", (Caller c, int fd, int buffer, int length, long cookie, int used) => WasiCall.Run(c, (x, g) => WasiDescriptorFunctions.ReadDir(x, g, fd, buffer, length, cookie, used)));

        // Paths.
        linker.DefineFunction(m, "path_open", (Caller c, int fd, int dirflags, int path, int length, int oflags, long rightsBase, long rightsInheriting, int fdflags, int result) =>
            WasiCall.Run(c, (x, g) => WasiPathFunctions.Open(x, g, fd, path, length, oflags, rightsBase, fdflags, result)));
        linker.DefineFunction(m, "path_filestat_get", (Caller c, int fd, int flags, int path, int length, int result) => WasiCall.Run(c, (x, g) => WasiPathFunctions.FilestatGet(x, g, fd, path, length, result)));
        linker.DefineFunction(m, "path_create_directory", (Caller c, int fd, int path, int length) => WasiCall.Run(c, (x, g) => WasiPathFunctions.CreateDirectory(x, g, fd, path, length)));
        linker.DefineFunction(m, "path_unlink_file", (Caller c, int fd, int path, int length) => WasiCall.Run(c, (x, g) => WasiPathFunctions.UnlinkFile(x, g, fd, path, length)));
        linker.DefineFunction(m, "path_remove_directory", (Caller c, int fd, int path, int length) => WasiCall.Run(c, (x, g) => WasiPathFunctions.RemoveDirectory(x, g, fd, path, length)));
        linker.DefineFunction(m, "path_rename", (Caller c, int fd, int oldPath, int oldLength, int newFd, int newPath, int newLength) =>
            WasiCall.Run(c, (x, g) => WasiPathFunctions.Rename(x, g, fd, oldPath, oldLength, newFd, newPath, newLength)));
        linker.DefineFunction(m, "path_readlink", (Caller c, int fd, int path, int length, int buffer, int bufferLength, int used) =>
            WasiCall.Run(c, (x, g) => WasiPathFunctions.ReadLink(x, g, fd, path, length, buffer, bufferLength, used)));

        // Not provided: ENOSYS, with the preview-1 signature so that modules importing them still link.
        linker.DefineFunction(m, "fd_allocate", (int fd, long offset, long length) => Errno.NoSys);
        linker.DefineFunction(m, "fd_fdstat_set_rights", (int fd, long rightsBase, long rightsInheriting) => Errno.NoSys);
        linker.DefineFunction(m, "fd_filestat_set_times", (int fd, long atim, long mtim, int flags) => Errno.NoSys);
        linker.DefineFunction(m, "path_filestat_set_times", (int fd, int flags, int path, int length, long atim, long mtim, int fstflags) => Errno.NoSys);
        linker.DefineFunction(m, "path_link", (int oldFd, int oldFlags, int oldPath, int oldLength, int newFd, int newPath, int newLength) => Errno.NoSys);
        linker.DefineFunction(m, "path_symlink", (int oldPath, int oldLength, int fd, int newPath, int newLength) => Errno.NoSys);
        linker.DefineFunction(m, "proc_raise", (int signal) => Errno.NoSys);
        linker.DefineFunction(m, "sock_accept", (int fd, int flags, int result) => Errno.NoSys);
        linker.DefineFunction(m, "sock_recv", (int fd, int data, int length, int flags, int received, int outFlags) => Errno.NoSys);
        linker.DefineFunction(m, "sock_send", (int fd, int data, int length, int flags, int sent) => Errno.NoSys);
        linker.DefineFunction(m, "sock_shutdown", (int fd, int how) => Errno.NoSys);
    }
}

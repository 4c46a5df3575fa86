namespace WitSharp.Wasi;

/// <summary><c>poll_oneoff</c> (WASI preview 1): clock subscriptions sleep until the earliest deadline;
/// descriptor subscriptions are reported ready at once (files and the standard streams never block here).</summary>
internal static class WasiPoll
{
    private const byte ClockTag = 0, FdReadTag = 1, FdWriteTag = 2;
    private const int SubscriptionSize = 48, EventSize = 32;
    private const ushort AbsoluteTime = 1;

    public static int PollOneoff(WasiContext c, GuestMemory m, int subscriptions, int events, int count, int eventCountPtr)
    {
        if (count <= 0) return Errno.Inval;
        uint input = (uint)subscriptions, output = (uint)events;
        if ((ulong)count * SubscriptionSize > uint.MaxValue) return Errno.Fault;
        m.Slice(input, (uint)count * SubscriptionSize);
        m.Slice(output, (uint)count * EventSize);
        var ready = new List<(ulong UserData, byte Type, int Error, ulong Bytes)>();
        var clocks = new List<(ulong UserData, ulong WaitNs, int Error)>();
        for (uint i = 0; i < count; i++)
        {
            uint s = input + i * SubscriptionSize;
            ulong userData = m.ReadU64(s);
            byte tag = m.Slice(s + 8, 1)[0];
            switch (tag)
            {
                case ClockTag:
                    int id = (int)m.ReadU32(s + 16);
                    ulong timeout = m.ReadU64(s + 24);
                    bool absolute = (m.Slice(s + 40, 2)[0] & AbsoluteTime) != 0;
                    ulong now;
                    try { now = WasiEnvironmentFunctions.Now(id); }
                    catch (WasiErrnoException e) { ready.Add((userData, ClockTag, e.Errno, 0)); continue; }
                    clocks.Add((userData, absolute ? (timeout > now ? timeout - now : 0) : timeout, 0));
                    break;
                case FdReadTag or FdWriteTag:
                    int fd = (int)m.ReadU32(s + 16);
                    int error = Errno.Success;
                    ulong bytes = 0;
                    try
                    {
                        if (c.Get(fd) is WasiFile f && tag == FdReadTag) bytes = (ulong)Math.Max(0, f.Stream.Length - f.Stream.Position);
                    }
                    catch (WasiErrnoException e) { error = e.Errno; }
                    ready.Add((userData, tag, error, bytes));
                    break;
                default:
                    return Errno.Inval;
            }
        }
        if (ready.Count == 0 && clocks.Count > 0)
        {
            ulong wait = clocks.Min(k => k.WaitNs);
            // Round up to whole milliseconds: a guest must never wake before its deadline.
            if (wait > 0) Thread.Sleep((int)Math.Min((wait + 999_999) / 1_000_000, int.MaxValue));
            foreach (var k in clocks.Where(k => k.WaitNs == wait)) ready.Add((k.UserData, ClockTag, k.Error, 0));
        }
        for (int i = 0; i < ready.Count; i++)
        {
            uint e = output + (uint)i * EventSize;
            m.Slice(e, EventSize).Clear();
            m.WriteU64(e, ready[i].UserData);
            m.WriteU16(e + 8, (ushort)ready[i].Error);
            m.WriteU8(e + 10, ready[i].Type);
            m.WriteU64(e + 16, ready[i].Bytes);
        }
        m.WriteU32((uint)eventCountPtr, (uint)ready.Count);
        return Errno.Success;
    }
}

using System.Runtime.InteropServices;

namespace Lsb.Hub.CustomerView.Bench;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). On a shared, overloaded machine a request's
/// wall time is mostly time spent waiting for a core; its thread CPU time is what the request itself cost. The
/// in-process view query runs synchronously on one thread (Microsoft.Data.Sqlite completes its async calls inline).
/// </summary>
public static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (clock_gettime(ClockThreadCpuTimeId, out var spec) != 0) return TimeSpan.Zero;
        return TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clockId, out TimeSpec time);
}

namespace Lsb.Hub.Bench.Harvest;

/// <summary>A timed harvest: records and holdings taken in the elapsed time, and the CPU time the whole process (simulator,
/// adapter, hub) spent meanwhile — on a shared machine the CPU figure is the steadier one.</summary>
public sealed record Measurement(long Records, long Holdings, TimeSpan Elapsed, TimeSpan Cpu)
{
    public double HoldingsPerSecond => Holdings / Elapsed.TotalSeconds;

    public double HoldingsPerCpuSecond => Holdings / Cpu.TotalSeconds;

    /// <summary>Starts measuring the process's CPU time.</summary>
    public static Func<TimeSpan> CpuClock()
    {
        var start = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        return () => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - start;
    }
}

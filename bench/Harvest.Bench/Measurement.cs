namespace Lsb.Hub.Bench.Harvest;

/// <summary>A timed harvest: records and holdings taken in the elapsed time.</summary>
public sealed record Measurement(long Records, long Holdings, TimeSpan Elapsed)
{
    public double HoldingsPerSecond => Holdings / Elapsed.TotalSeconds;
}

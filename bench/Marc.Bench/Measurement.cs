namespace Lsb.Hub.Marc.Bench;

/// <summary>One timed run: wall seconds, records, bytes allocated on the measuring thread.</summary>
internal readonly record struct Measurement(double Seconds, long Records, long AllocatedBytes)
{
    public double RecordsPerSecond => Records / Seconds;

    public double BytesPerRecord => Records == 0 ? 0 : (double)AllocatedBytes / Records;

    public static Measurement Median(IReadOnlyList<Measurement> runs)
        => runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
}

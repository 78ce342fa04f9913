namespace Lsb.Hub.CustomerView.Bench;

/// <summary>Latency samples and their percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public string Summary() => $"n={Count:N0}  p50={Percentile(50):F2} ms  p90={Percentile(90):F2} ms  p99={Percentile(99):F2} ms  max={Percentile(100):F2} ms";
}

namespace Lsb.Hub.Bench;

/// <summary>A measured run.</summary>
public sealed record Measurement(long Events, TimeSpan Elapsed, string DatabasePath = "", string Detail = "", Uri? Hub = null, IAsyncDisposable? Running = null)
{
    public double PerSecond => Events / Elapsed.TotalSeconds;
}

public static class Report
{
    public static void Line(string what, Measurement m)
        => Console.WriteLine($"{what}\n    {m.Events:N0} events in {m.Elapsed.TotalSeconds:F2} s = {m.PerSecond:N0} events/s {m.Detail}");
}

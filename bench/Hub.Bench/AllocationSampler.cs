using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Lsb.Hub.Bench;

/// <summary>
/// What the process allocates, by type: the runtime reports an allocation tick every ≈ 100 KB allocated
/// (GCAllocationTick), naming the type of the object that crossed it. A sample, not a count, but types that take much of
/// the allocation show up in proportion. Listens from creation until disposed.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true
            || eventData.Payload is null || eventData.PayloadNames is null) return;
        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var bytes = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 0;
        _bytesByType.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
    }

    /// <summary>Prints the 25 types that took most of the sampled allocation.</summary>
    public void Print()
    {
        var total = Math.Max(1, _bytesByType.Values.Sum());
        Console.WriteLine("allocation by type (sampled):");
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(x => x.Value).Take(25))
            Console.WriteLine($"  {100.0 * bytes / total,5:F1} %  {bytes / 1e6,8:F0} MB  {type}");
    }
}

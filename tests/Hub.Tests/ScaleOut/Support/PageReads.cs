using System.Collections.Concurrent;

namespace Lsb.Hub.Tests.ScaleOut.Support;

/// <summary>Every change-feed read the hub nodes of a test made, in the order they ended (see <see cref="RecordingAdapters"/>).</summary>
public sealed class PageReads
{
    private readonly ConcurrentQueue<PageRead> _reads = new();

    public void Add(PageRead read) => _reads.Enqueue(read);

    /// <summary>The reads so far, oldest start first.</summary>
    public List<PageRead> All() => [.. _reads.OrderBy(r => r.Started)];

    /// <summary>The reads that started at or after <paramref name="from"/>, oldest first.</summary>
    public List<PageRead> Since(DateTimeOffset from) => [.. All().Where(r => r.Started >= from)];

    /// <summary>Waits for the first read, started at or after <paramref name="from"/>, that satisfies <paramref name="condition"/>.</summary>
    public async Task<PageRead> WaitForAsync(DateTimeOffset from, Func<PageRead, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            if (Since(from).FirstOrDefault(condition) is { } read) return read;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}; reads since {from:HH:mm:ss.fff}: {Describe(Since(from))}");
            await Task.Delay(100);
        }
    }

    /// <summary>The reads as "node@time" runs, for failure messages.</summary>
    public static string Describe(IEnumerable<PageRead> reads)
        => string.Join(", ", reads.Select(r => $"{r.Node}@{r.Started:HH:mm:ss.fff}"));
}

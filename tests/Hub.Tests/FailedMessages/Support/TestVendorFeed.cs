using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Lsb.Hub.Adapters.Changes;

namespace Lsb.Hub.Tests.FailedMessages.Support;

/// <summary>
/// The change feeds of test installations, in memory: a test appends copy changes (with a vendor status code) and
/// the hub's poller reads them through <see cref="TestVendorAdapter"/>, the way production reads a vendor feed.
/// </summary>
public sealed class TestVendorFeed
{
    private readonly ConcurrentDictionary<string, List<VendorChange>> _feeds = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Appends a copy change; answers it.</summary>
    public VendorChange AddCopy(string installation, string localId, string statusCode, string vendorLibraryId = "1", string? title = null)
    {
        var version = Interlocked.Increment(ref _version);
        var payload = JsonSerializer.Serialize(new TestCopy(localId, title ?? $"Titel {localId}", statusCode));
        var change = new VendorChange("item", localId, $"{installation}:{localId}:{version}", version,
            DateTimeOffset.UtcNow, payload, vendorLibraryId);
        Append(installation, change);
        return change;
    }

    /// <summary>Appends a change as it was read before (the same source event read again).</summary>
    public void Append(string installation, VendorChange change)
    {
        var feed = _feeds.GetOrAdd(installation, _ => []);
        lock (feed) feed.Add(change);
    }

    /// <summary>Reads after <paramref name="cursor"/> (an index).</summary>
    public ChangePage Read(string installation, string? cursor, int max)
    {
        var feed = _feeds.GetOrAdd(installation, _ => []);
        var from = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        lock (feed)
        {
            var page = feed.Skip(from).Take(max).ToList();
            var next = from + page.Count;
            return new ChangePage(page, next.ToString(CultureInfo.InvariantCulture), next < feed.Count);
        }
    }
}

/// <summary>The payload of a test copy change (the "vendor dialect" of the test vendor).</summary>
public sealed record TestCopy(string Barcode, string Title, string Status);

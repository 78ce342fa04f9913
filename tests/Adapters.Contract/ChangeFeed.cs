using Lsb.Hub.Adapters.Changes;

namespace Lsb.Hub.Adapters.Contract;

/// <summary>Reading helpers the contract tests share.</summary>
public static class ChangeFeed
{
    /// <summary>Reads pages until the adapter says there is no more; returns the changes and the last cursor.</summary>
    public static async Task<(List<VendorChange> Changes, string? Cursor)> ReadToEndAsync(IIlsAdapter adapter, string? cursor, int pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        var all = new List<VendorChange>();
        for (var pages = 0; pages < 100_000; pages++)
        {
            var page = await adapter.ReadChangesAsync(cursor, pageSize, cancellationToken);
            Assert.True(page.Changes.Count <= pageSize, $"A page of at most {pageSize} changes was asked for; {page.Changes.Count} came back.");
            all.AddRange(page.Changes);
            cursor = page.NextCursor;
            if (!page.HasMore) return (all, cursor);
        }
        throw new InvalidOperationException("The feed did not end after 100,000 pages.");
    }

    /// <summary>The cursor at the current end of the feed.</summary>
    public static async Task<string?> TailAsync(IIlsAdapter adapter, CancellationToken cancellationToken)
        => (await ReadToEndAsync(adapter, null, 1000, cancellationToken)).Cursor;

    /// <summary>The changes of one entity, translated.</summary>
    public static List<T> Translated<T>(IIlsAdapter adapter, IEnumerable<VendorChange> changes, string localId) where T : CanonicalChange
        => [.. changes.Select(adapter.Translate).OfType<T>().Where(c => c.LocalId == localId)];
}

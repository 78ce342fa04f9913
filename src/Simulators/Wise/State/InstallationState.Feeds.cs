using System.Globalization;
using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>The read side the adapter polls: libraries, patron deltas and the item and loan mutation feeds.</summary>
internal sealed partial class InstallationState
{
    public IReadOnlyList<WiseLibraryDto> ListLibraries()
        => [.. Spec.Libraries.Select(l => new WiseLibraryDto(l.LibraryId, l.Name, [.. l.Branches.Select(b => new WiseBranchDto(b.BranchId, b.Name))]))];

    /// <summary>The item feed's newest mutation number and at most <paramref name="limit"/> entries after <paramref name="after"/>, as JSON.</summary>
    public (long LastNumber, byte[][] Entries) ReadItemFeed(string libraryId, long after, int limit)
    {
        lock (_gate)
        {
            var feed = Library(libraryId).ItemFeed;
            return (feed.Count, feed.After(after, limit));
        }
    }

    /// <summary>The loan feed's newest mutation number and at most <paramref name="limit"/> entries after <paramref name="after"/>, as JSON.</summary>
    public (long LastNumber, byte[][] Entries) ReadLoanFeed(string libraryId, long after, int limit)
    {
        lock (_gate)
        {
            var feed = Library(libraryId).LoanFeed;
            return (feed.Count, feed.After(after, limit));
        }
    }

    public WisePatronListDto<WiseUpdatedPatronDto> UpdatedPatrons(string libraryId, DateOnly since, int offset, int limit)
    {
        lock (_gate)
        {
            var order = Library(libraryId).PatronsByModification;
            var start = order.FirstAtOrAfter(since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks);
            var page = order.Range(start + offset, limit)
                .Select(p => new WiseUpdatedPatronDto(p.Id.ToString(CultureInfo.InvariantCulture), new DateTimeOffset(p.Ticks, TimeSpan.Zero)))
                .ToList();
            return new WisePatronListDto<WiseUpdatedPatronDto>(order.Count - start, offset, limit, page);
        }
    }

    public WisePatronListDto<WiseDeletedPatronDto> DeletedPatrons(string libraryId, DateOnly? since, int offset, int limit)
    {
        lock (_gate)
        {
            var deleted = Library(libraryId).DeletedPatrons;
            var start = 0;
            if (since is { } day)
            {
                var ticks = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks;
                start = LowerBound(deleted, ticks);
            }
            var total = deleted.Count - start;
            var first = Math.Min(deleted.Count, start + offset);
            var count = Math.Max(0, Math.Min(limit, deleted.Count - first));
            return new WisePatronListDto<WiseDeletedPatronDto>(total, offset, limit, deleted.GetRange(first, count));
        }
    }

    public WisePatronDto? GetPatron(string libraryId, string patronSystemId)
    {
        lock (_gate)
        {
            return FindPatron(patronSystemId) is { } patron && patron.LibraryId == libraryId ? patron.ToDto() : null;
        }
    }

    public IReadOnlyList<WisePatronDto> GetPatrons(string libraryId, IEnumerable<string> patronSystemIds)
    {
        lock (_gate)
        {
            var found = new List<WisePatronDto>();
            foreach (var id in patronSystemIds)
                if (FindPatron(id) is { } patron && patron.LibraryId == libraryId) found.Add(patron.ToDto());
            return found;
        }
    }

    public WisePatronListDto<WisePatronIdDto> SearchPatrons(string libraryId, string? search, int offset, int limit)
    {
        lock (_gate)
        {
            var hits = new List<WisePatronIdDto>();
            if (!string.IsNullOrWhiteSpace(search) && _patronsByCard.TryGetValue(search.Trim(), out var id) && _patrons[id].LibraryId == libraryId)
                hits.Add(new WisePatronIdDto(_patrons[id].IdText));
            return new WisePatronListDto<WisePatronIdDto>(hits.Count, offset, limit, [.. hits.Skip(offset).Take(limit)]);
        }
    }

    public bool CardIsValid(string libraryId, string cardNumber)
    {
        lock (_gate)
        {
            return _patronsByCard.TryGetValue(cardNumber, out var id) && _patrons[id] is { } p && p.LibraryId == libraryId
                && p.Status == WiseCodes.PatronActive;
        }
    }

    public WiseItemDto? GetItem(string libraryId, string? itemId, string? barcode)
    {
        lock (_gate)
        {
            return FindItem(itemId, barcode) is { } item && item.LibraryId == libraryId ? item.Current : null;
        }
    }

    private static int LowerBound(List<WiseDeletedPatronDto> deleted, long ticks)
    {
        int lo = 0, hi = deleted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (deleted[mid].DeletedAt.UtcTicks < ticks) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private SimPatron? FindPatron(string? patronSystemId)
        => long.TryParse(patronSystemId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _patrons.TryGetValue(id, out var p) ? p : null;

    private SimPatron? FindPatron(string? patronSystemId, string? cardNumber)
    {
        if (FindPatron(patronSystemId) is { } byId) return byId;
        return cardNumber is not null && _patronsByCard.TryGetValue(cardNumber, out var id) ? _patrons[id] : null;
    }

    private SimItem? FindItem(string? itemId, string? barcode)
    {
        if (long.TryParse(itemId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _items.TryGetValue(id, out var byId) && !byId.Removed)
            return byId;
        return barcode is not null && _itemsByBarcode.TryGetValue(barcode, out var found) ? _items[found] : null;
    }
}

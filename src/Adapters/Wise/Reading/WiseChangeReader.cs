using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.Wise.Dto;
using Lsb.Hub.Adapters.Wise.Http;

namespace Lsb.Hub.Adapters.Wise.Reading;

/// <summary>
/// Reads every feed of every library organisation of one installation after a <see cref="WiseCursor"/>: per library
/// the updated patrons, the deleted patrons, the item mutations and the loan mutations, oldest first, until the
/// page is full. Either the whole page is read or an exception is thrown: a partial page is NEVER returned.
/// </summary>
internal sealed class WiseChangeReader(WiseConnection connection, WisePatronFetcher patrons)
{
    // Patrons before copies before loans, so a loan's member and copy are usually known when the loan arrives.
    private const string ForeignItemRecord = "vreemdExemplaar";
    private const string ForeignItemIdField = "innameId";

    private static readonly string[] FeedOrder = [WiseFeeds.Patron, WiseFeeds.DeletedPatron, WiseFeeds.Item, WiseFeeds.Loan];

    public async Task<ChangePage> ReadAsync(string? cursorText, int maxChanges, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChanges, 1);
        var cursor = WiseCursor.Parse(cursorText);
        var changes = new List<VendorChange>(Math.Min(maxChanges, 4096));
        var positions = new Dictionary<string, WiseLibraryPosition>(cursor.Libraries, StringComparer.Ordinal);
        var hasMore = false;
        foreach (var library in connection.Installation.Libraries)
        {
            var id = library.VendorLibraryId;
            var position = positions.GetValueOrDefault(id) ?? new WiseLibraryPosition();
            foreach (var feed in FeedOrder)
            {
                var budget = maxChanges - changes.Count;
                if (budget == 0)
                {
                    hasMore = true;
                    break;
                }
                var (next, more) = feed switch
                {
                    WiseFeeds.Patron => await ReadUpdatedPatronsAsync(id, position, budget, changes, cancellationToken),
                    WiseFeeds.DeletedPatron => await ReadDeletedPatronsAsync(id, position, budget, changes, cancellationToken),
                    WiseFeeds.Item => await ReadMutationsAsync(id, position, budget, WiseFeeds.Item, changes, cancellationToken),
                    _ => await ReadMutationsAsync(id, position, budget, WiseFeeds.Loan, changes, cancellationToken),
                };
                position = next;
                hasMore |= more;
            }
            positions[id] = position;
        }
        return new ChangePage(changes, new WiseCursor { Libraries = positions }.ToString(), hasMore);
    }

    private async Task<(WiseLibraryPosition, bool)> ReadUpdatedPatronsAsync(string libraryId, WiseLibraryPosition position, int budget,
        List<VendorChange> changes, CancellationToken cancellationToken)
    {
        var what = $"reading updatedpatron of library {libraryId}";
        var (entries, next, drained) = await WiseDeltaReader.ReadAsync(position.Patrons, connection.Options.PatronDeltaStart, budget,
            connection.Options.FeedPageSize,
            (date, offset, limit, ct) => connection.ReadAsync((api, c) => api.UpdatedPatrons(libraryId, date, offset, limit, c),
                WiseJsonContext.Default.WisePatronListWiseUpdatedPatron, what, ct),
            e => (e.LastModified.UtcTicks, e.PatronSystemId), cancellationToken);
        var records = await patrons.FetchAsync(libraryId, [.. entries.Select(e => e.PatronSystemId)], cancellationToken);
        foreach (var entry in entries)
        {
            // A patron deleted between the list and the fetch has no record: deletedpatron reports it.
            if (!records.TryGetValue(entry.PatronSystemId, out var payload)) continue;
            var ticks = entry.LastModified.UtcTicks;
            changes.Add(VendorChange.OfUtf8(WiseFeeds.Patron, entry.PatronSystemId,
                string.Create(CultureInfo.InvariantCulture, $"{libraryId}:patron:{entry.PatronSystemId}:{ticks}"), ticks, entry.LastModified, payload, libraryId));
        }
        return (position with { Patrons = next }, !drained);
    }

    private async Task<(WiseLibraryPosition, bool)> ReadDeletedPatronsAsync(string libraryId, WiseLibraryPosition position, int budget,
        List<VendorChange> changes, CancellationToken cancellationToken)
    {
        var what = $"reading deletedpatron of library {libraryId}";
        var (entries, next, drained) = await WiseDeltaReader.ReadAsync(position.Deleted, connection.Options.PatronDeltaStart, budget,
            connection.Options.FeedPageSize,
            (date, offset, limit, ct) => connection.ReadAsync((api, c) => api.DeletedPatrons(libraryId, date, offset, limit, c),
                WiseJsonContext.Default.WisePatronListWiseDeletedPatron, what, ct),
            e => (e.DeletedAt.UtcTicks, e.PatronSystemId), cancellationToken);
        foreach (var entry in entries)
        {
            var ticks = entry.DeletedAt.UtcTicks;
            changes.Add(new VendorChange(WiseFeeds.DeletedPatron, entry.PatronSystemId,
                string.Create(CultureInfo.InvariantCulture, $"{libraryId}:deletedpatron:{entry.PatronSystemId}:{ticks}"), ticks, entry.DeletedAt,
                JsonSerializer.Serialize(entry, WiseJsonContext.Default.WiseDeletedPatron), libraryId));
        }
        return (position with { Deleted = next }, !drained);
    }

    private async Task<(WiseLibraryPosition, bool)> ReadMutationsAsync(string libraryId, WiseLibraryPosition position, int budget, string feed,
        List<VendorChange> changes, CancellationToken cancellationToken)
    {
        var items = feed == WiseFeeds.Item;
        var after = items ? position.Items : position.Loans;
        var limit = Math.Min(budget, connection.Options.FeedPageSize);
        var what = $"reading the {feed} mutations of library {libraryId}";
        using var body = await connection.ReadBodyAsync(
            (api, c) => items ? api.ItemMutations(libraryId, after, limit, c) : api.LoanMutations(libraryId, after, limit, c), what, cancellationToken);
        var (last, newest) = (items
                ? TakeDecoded(body.Memory, WiseMutationPageReader.Items, m => (m.Number, m.At, m.Item?.ItemId), libraryId, feed, after, limit, changes)
                : TakeDecoded(body.Memory, WiseMutationPageReader.Loans, m => (m.Number, m.At, m.Loan?.LoanId ?? m.ForeignItem?.TakeInId),
                    libraryId, feed, after, limit, changes))
            ?? TakeFromDocument(body.Memory, items, libraryId, feed, after, limit, changes, what);
        var next = items ? position with { Items = last } : position with { Loans = last };
        return (next, newest > last);
    }

    // The page's mutations read in one pass (WiseMutationPageReader), each kept with its record's bytes as read. Null, with
    // nothing added, when the page does not read so: a record that does not match the DTO (it then fails alone, in
    // translation) or a malformed page (TakeFromDocument says what is wrong).
    private static (long Last, long Newest)? TakeDecoded<TMutation>(ReadOnlyMemory<byte> body, PageReader<TMutation> read,
        Func<TMutation, (long Number, DateTimeOffset At, string? LocalId)> key, string libraryId, string feed, long after, int limit, List<VendorChange> changes)
        where TMutation : class
    {
        WiseMutationPageReader.Page<TMutation> page;
        try
        {
            page = read(body.Span);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
        if (page.Newest < 0) return null;
        var added = new List<VendorChange>(Math.Min(limit, page.Mutations.Count));
        var last = after;
        for (var i = 0; i < page.Mutations.Count && added.Count < limit; i++)
        {
            var mutation = page.Mutations[i];
            var (number, at, localId) = key(mutation);
            if (number <= last) continue;
            if (localId is null) return null;
            added.Add(VendorChange.OfUtf8(feed, localId, string.Create(CultureInfo.InvariantCulture, $"{libraryId}:{feed}:{number}"), number, at,
                body[page.Records[i]].ToArray(), libraryId).WithDecoded(mutation));
            last = number;
        }
        changes.AddRange(added);
        return (last, page.Newest);
    }

    private delegate WiseMutationPageReader.Page<TMutation> PageReader<TMutation>(ReadOnlySpan<byte> json);

    // The page read as a document, record by record: what a page TakeDecoded could not read goes through here, which names
    // what is missing or malformed.
    private (long Last, long Newest) TakeFromDocument(ReadOnlyMemory<byte> body, bool items, string libraryId, string feed, long after, int limit,
        List<VendorChange> changes, string what)
    {
        var last = after;
        var taken = 0;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var record = items ? "exemplaar" : "uitlening";
            var idField = items ? "exemplaarId" : "uitleningId";
            foreach (var mutation in root.GetProperty("mutaties").EnumerateArray())
            {
                var number = mutation.GetProperty("mutatienummer").GetInt64();
                if (number <= last) continue;
                if (taken++ == limit) break;
                // A loan mutation without a loan is a foreign copy the desk took in (INNAME_VREEMD): keyed by its take-in id.
                var localId = (items || mutation.TryGetProperty(record, out _)
                        ? mutation.GetProperty(record).GetProperty(idField).GetString()
                        : mutation.GetProperty(ForeignItemRecord).GetProperty(ForeignItemIdField).GetString())
                    ?? throw new InvalidOperationException($"{record}.{idField} is null");
                // The record's bytes as read, copied out of the response (no string: the translator reads UTF-8).
                changes.Add(VendorChange.OfUtf8(feed, localId, string.Create(CultureInfo.InvariantCulture, $"{libraryId}:{feed}:{number}"), number,
                    mutation.GetProperty("mutatiedatum").GetDateTimeOffset(), JsonMarshal.GetRawUtf8Value(mutation).ToArray(), libraryId));
                last = number;
            }
            return (last, root.GetProperty("laatsteMutatienummer").GetInt64());
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or JsonException)
        {
            throw connection.Unreadable(what, e);
        }
    }
}

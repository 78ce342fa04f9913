using System.Globalization;
using Lsb.Hub.Adapters.Wise.Dto;

namespace Lsb.Hub.Adapters.Wise.Reading;

/// <summary>
/// Reads a patron delta list (entries sorted by modification time, paged with offset/limit, filtered by a date)
/// after a <see cref="WiseDeltaPosition"/>. The stored offset is only a hint, because entries move to the end of the
/// list when a patron changes again: each page overlaps the previous one by one entry, and when that entry is not
/// one already taken the list has shifted and reading restarts at the start of the day (entries already taken are
/// skipped), so nothing is ever skipped.
/// </summary>
internal static class WiseDeltaReader
{
    public delegate Task<WisePatronList<T>> Fetch<T>(string date, int offset, int limit, CancellationToken cancellationToken);

    public static async Task<(List<T> Entries, WiseDeltaPosition Position, bool Drained)> ReadAsync<T>(
        WiseDeltaPosition position, DateOnly start, int budget, int pageSize, Fetch<T> fetch, Func<T, (long Ticks, string Id)> key,
        CancellationToken cancellationToken)
    {
        var date = position.Ticks == 0 ? start : DateOnly.FromDateTime(new DateTime(position.Ticks, DateTimeKind.Utc));
        var dateText = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var offset = position.Date == dateText ? position.Offset : 0;
        var last = position;
        var taken = new List<T>();
        var drained = false;
        while (taken.Count < budget)
        {
            var limit = Math.Min(pageSize, budget - taken.Count);
            var from = Math.Max(0, offset - 1);
            var overlap = offset - from;
            var ask = Math.Min(limit + overlap, pageSize);
            var page = await fetch(dateText, from, ask, cancellationToken);
            var entries = page.Patrons;
            if (overlap == 1 && (entries.Count == 0 || last.IsBefore(key(entries[0]).Ticks, key(entries[0]).Id)))
            {
                offset = 0;
                continue;
            }
            var consumed = 0;
            foreach (var entry in entries)
            {
                var (ticks, id) = key(entry);
                if (last.IsBefore(ticks, id))
                {
                    // A server that ignores limit must not overflow the page.
                    if (taken.Count == budget) break;
                    taken.Add(entry);
                    last = new WiseDeltaPosition(ticks, id, dateText, 0);
                }
                consumed++;
            }
            offset = from + consumed;
            if (consumed < entries.Count) break;
            if (entries.Count < ask)
            {
                drained = true;
                break;
            }
        }
        return (taken, last with { Date = dateText, Offset = offset }, drained);
    }
}

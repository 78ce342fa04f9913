using System.Collections.Concurrent;
using System.Globalization;
using System.Xml;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.VSmart.Http;
using Lsb.Hub.Adapters.VSmart.Oai;
using Lsb.Hub.Marc;
using Microsoft.Extensions.Logging;

namespace Lsb.Hub.Adapters.VSmart.Reading;

/// <summary>
/// Incremental OAI-PMH harvesting of one library's set: ListRecords from the watermark, page by page with resumption
/// tokens, one change per copy of that library in each record. The position inside a page is kept in the cursor
/// (record identifier, version, copies taken), so a hub that stops after queueing part of a page resumes at the next
/// copy: nothing is lost, and anything read twice carries the same SourceEventId. A token the repository no longer
/// accepts restarts the harvest from its watermark. The last page fetched is kept in memory, so continuing inside it
/// costs no request.
/// </summary>
internal sealed class HoldingsHarvester(VSmartConnection connection, ILogger logger)
{
    private readonly ConcurrentDictionary<string, (string Key, OaiPage Page)> _lastPage = new(StringComparer.Ordinal);

    public async Task<(HarvestPosition Position, bool More)> ReadAsync(string libraryId, HarvestPosition position, int budget, List<VendorChange> changes,
        CancellationToken cancellationToken)
    {
        var run = position.Run ?? new HarvestRun { From = position.From, Skip = position.Skip, SkipUpTo = position.SkipUpTo };
        var restarted = false;
        while (true)
        {
            var page = await FetchAsync(libraryId, run, cancellationToken);
            if (page.ErrorCode == "badResumptionToken" && run.Token is not null && !restarted)
            {
                logger.LogWarning("V-smart installation {InstallationId} no longer accepts the resumption token of library {LibraryId} ({Error}); " +
                    "harvesting the set again from {From}: copies read twice are recognised as duplicates", connection.Installation.Id, libraryId, page.ErrorMessage, run.From ?? "the start");
                run = new HarvestRun { From = run.From, Skip = run.Skip, SkipUpTo = run.SkipUpTo };
                restarted = true;
                continue;
            }
            if (page.ErrorCode is { } code && code != "noRecordsMatch")
            {
                throw new IlsProtocolException($"{connection.Name} answered the harvest of library {libraryId} with OAI-PMH error {code}: {page.ErrorMessage} " +
                    $"Check {VSmartAdapterOptions.Section}:MetadataPrefix ('{connection.Options.MetadataPrefix}') and SetPrefix ('{connection.Options.SetPrefix}') and the library id.");
            }
            if (run.Started is null) run = run with { Started = OaiPageParser.Format(page.ResponseDate) };
            var (next, stopped) = Take(libraryId, run, page, ref budget, changes);
            run = next;
            if (stopped) return (position with { Run = run }, true);
            if (!page.IsComplete)
            {
                run = run with { Token = page.ResumptionToken, Record = null, Version = 0, Taken = 0 };
                if (budget == 0) return (position with { Run = run }, true);
                continue;
            }
            _lastPage.TryRemove(libraryId, out _);
            return (run.Completed(), false);
        }
    }

    /// <summary>Takes the page's changes after the run's position until the budget is spent; true when it stopped inside the page.</summary>
    private (HarvestRun Run, bool Stopped) Take(string libraryId, HarvestRun run, OaiPage page, ref int budget, List<VendorChange> changes)
    {
        var skip = run.Skip is { Count: > 0 } s ? new HashSet<string>(s, StringComparer.Ordinal) : null;
        var from = run.From is null ? (DateTimeOffset?)null : OaiPageParser.Date(run.From);
        var start = run.Record is null ? -1 : FindIndex(page.Records, run.Record);
        for (var i = Math.Max(start, 0); i < page.Records.Count; i++)
        {
            var record = page.Records[i];
            if (record.Deleted || record.Metadata is null)
            {
                // A deleted title has no copies: V-smart keeps withdrawn copies (status WD) in the record until the title
                // goes, so their withdrawal was harvested before.
                run = Seen(run with { Record = record.Identifier, Version = 0, Taken = 0 }, record, $"{record.Identifier}@deleted", 0);
                continue;
            }
            MarcRecord marc;
            try
            {
                marc = HarvestedRecord.Read(record.Metadata);
            }
            catch (Exception e) when (e is MarcFormatException or XmlException)
            {
                throw connection.Unreadable($"reading record {record.Identifier} harvested for library {libraryId}", e);
            }
            var version = HarvestedRecord.Version(marc, record.Datestamp);
            var key = string.Create(CultureInfo.InvariantCulture, $"{record.Identifier}@{version}");
            var emitted = skip?.Contains(key) == true || (run.SkipUpTo is { } upTo && record.Datestamp == from && version <= upTo);
            var copies = emitted ? [] : HarvestedRecord.CopiesOf(marc, libraryId);
            var taken = i == start && run.Version == version ? Math.Min(run.Taken, copies.Count) : 0;
            for (; taken < copies.Count; taken++)
            {
                if (budget == 0) return (run with { Record = record.Identifier, Version = version, Taken = taken }, true);
                var item = copies[taken];
                changes.Add(new VendorChange(VSmartFeeds.Holding, item, string.Create(CultureInfo.InvariantCulture, $"{libraryId}:holding:{item}:{version}"),
                    version, record.Datestamp, record.Metadata, libraryId));
                budget--;
            }
            run = Seen(run with { Record = record.Identifier, Version = version, Taken = copies.Count }, record, key, version);
        }
        return (run, false);
    }

    /// <summary>Keeps the newest datestamp taken, the records that carry it and their highest version.</summary>
    private static HarvestRun Seen(HarvestRun run, OaiRecord record, string key, long version)
    {
        var stamp = OaiPageParser.Format(record.Datestamp);
        var newest = run.Newest is null ? (DateTimeOffset?)null : OaiPageParser.Date(run.Newest);
        if (newest is null || record.Datestamp > newest) return run with { Newest = stamp, AtNewest = [key], NewestVersion = version };
        if (record.Datestamp < newest) return run;
        run = run with { NewestVersion = Math.Max(run.NewestVersion, version) };
        if (run.AtNewest is null || run.AtNewest.Contains(key)) return run;
        return run with { AtNewest = run.AtNewest.Count >= HarvestPosition.MaxSkip ? null : [.. run.AtNewest, key] };
    }

    /// <summary>Where to resume in a page asked again: the record last taken from; when it is no longer there (it changed
    /// meanwhile) the whole page is taken again, which is safe.</summary>
    private static int FindIndex(IReadOnlyList<OaiRecord> records, string identifier)
    {
        for (var i = 0; i < records.Count; i++)
            if (records[i].Identifier == identifier) return i;
        return -1;
    }

    private async Task<OaiPage> FetchAsync(string libraryId, HarvestRun run, CancellationToken cancellationToken)
    {
        var key = run.Token ?? (run.Started is null ? null : $"first|{run.From}|{run.Started}");
        if (key is not null && _lastPage.TryGetValue(libraryId, out var cached) && cached.Key == key) return cached.Page;
        var options = connection.Options;
        var set = $"{options.SetPrefix}:{libraryId}";
        var what = run.Token is null
            ? $"harvesting set {set} from {run.From ?? "the start"}"
            : $"harvesting set {set} (resumption token)";
        using var response = await connection.ReadAsync((api, c) => run.Token is { } token
            ? api.ListRecords(options.OaiPath, "ListRecords", null, null, null, token, c)
            : api.ListRecords(options.OaiPath, "ListRecords", options.MetadataPrefix, run.From, set, null, c), what, cancellationToken);
        OaiPage page;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            page = OaiPageParser.Parse(body);
        }
        catch (Exception e) when (e is XmlException or FormatException)
        {
            throw connection.Unreadable(what, e);
        }
        catch (IOException e)
        {
            throw new IlsUnavailableException($"{connection.Name} dropped the connection while {what}: {e.Message}", e);
        }
        var cacheKey = run.Token ?? $"first|{run.From}|{run.Started ?? OaiPageParser.Format(page.ResponseDate)}";
        if (page.ErrorCode is null) _lastPage[libraryId] = (cacheKey, page);
        return page;
    }
}

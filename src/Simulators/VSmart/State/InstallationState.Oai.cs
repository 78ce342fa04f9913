namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>The OAI-PMH read side: pages of records in revision order, single records, sets and the earliest datestamp.</summary>
internal sealed partial class InstallationState
{
    public const string AllLibrariesSet = "library";

    public DateTimeOffset EarliestDatestamp
    {
        get { lock (_gate) return _earliestStamp ?? Options.SeedTime; }
    }

    public IReadOnlyList<(string Spec, string Name)> Sets()
        => [(AllLibrariesSet, "Alle bibliotheken"), .. Spec.Libraries.Select(l => ($"{AllLibrariesSet}:{l.LibraryId}", l.Name))];

    public bool IsSet(string set) => set == AllLibrariesSet || (set.StartsWith(AllLibrariesSet + ":", StringComparison.Ordinal) && HasLibrary(set[(AllLibrariesSet.Length + 1)..]));

    public OaiSlice ReadOai(OaiFilter filter, long afterRevision, int pageSize, bool countAll)
    {
        lock (_gate)
        {
            var index = filter.Kind == OaiRecordKind.Bibliographic ? _bibIndex : _holdingsIndex;
            var page = new List<OaiEntry>(Math.Min(pageSize, 1024));
            var more = false;
            var total = 0;
            foreach (var (revision, key, stamp) in index.After(afterRevision))
            {
                if (filter.From is { } from && stamp < from.UtcTicks) continue;
                if (filter.Before is { } before && stamp >= before.UtcTicks) continue;
                if (filter.Set is { } set && !InSet(filter.Kind, key, set)) continue;
                total++;
                if (page.Count < pageSize) page.Add(Entry(filter.Kind, key, revision, stamp));
                else
                {
                    more = true;
                    if (!countAll) break;
                }
            }
            return new OaiSlice(page, more, countAll ? total : null);
        }
    }

    /// <summary>The item with <paramref name="identifier"/>, or null when the repository has none.</summary>
    public OaiEntry? FindOai(string identifier)
    {
        lock (_gate)
        {
            var prefix = $"oai:{RepositoryIdentifier}:";
            if (!identifier.StartsWith(prefix, StringComparison.Ordinal)) return null;
            var local = identifier[prefix.Length..];
            if (local.StartsWith("bib/", StringComparison.Ordinal))
            {
                var number = local[4..];
                return _titles.TryGetValue(number, out var title) && !title.Suppressed
                    ? Entry(OaiRecordKind.Bibliographic, number, title.Revision, title.Modified.UtcTicks) : null;
            }
            if (local.StartsWith("holdings/", StringComparison.Ordinal))
            {
                var dash = local.LastIndexOf('-');
                if (dash < 0) return null;
                var key = HoldingsKey(local[9..dash], local[(dash + 1)..]);
                var current = _holdingsIndex.After(0).LastOrDefault(e => e.Key == key);
                return current.Key is null ? null : Entry(OaiRecordKind.Holdings, key, current.Revision, current.StampTicks);
            }
            return null;
        }
    }

    /// <summary>Set membership without building the record: a title is in the set of every library that has or had a
    /// copy of it, a holdings record in its branch's library's set.</summary>
    private bool InSet(OaiRecordKind kind, string key, string set)
    {
        if (kind == OaiRecordKind.Holdings)
        {
            var library = _branches[key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..]].LibraryId;
            return set == AllLibrariesSet || set == $"{AllLibrariesSet}:{library}";
        }
        var copies = _titles[key].Copies;
        if (set == AllLibrariesSet) return copies.Count > 0;
        var wanted = set[(AllLibrariesSet.Length + 1)..];
        foreach (var id in copies)
            if (_copies[id].LibraryId == wanted) return true;
        return false;
    }

    private OaiEntry Entry(OaiRecordKind kind, string key, long revision, long stampTicks)
    {
        var stamp = new DateTimeOffset(stampTicks, TimeSpan.Zero);
        if (kind == OaiRecordKind.Bibliographic)
        {
            var title = _titles[key];
            var snapshot = Snapshot(title, null);
            var sets = snapshot.Copies.Select(c => c.LibraryId).Distinct(StringComparer.Ordinal).Select(l => $"{AllLibrariesSet}:{l}").ToList();
            if (sets.Count > 0) sets.Insert(0, AllLibrariesSet);
            return new OaiEntry($"oai:{RepositoryIdentifier}:bib/{key}", kind, stamp, revision, sets, title.Deleted, snapshot, null);
        }
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        var (titleNumber, branch) = (key[..bar], key[(bar + 1)..]);
        var holdingsTitle = _titles[titleNumber];
        var library = _branches[branch].LibraryId;
        return new OaiEntry($"oai:{RepositoryIdentifier}:holdings/{titleNumber}-{branch}", kind, stamp, revision,
            [AllLibrariesSet, $"{AllLibrariesSet}:{library}"], holdingsTitle.Deleted, Snapshot(holdingsTitle, branch), branch);
    }

    private TitleSnapshot Snapshot(SimTitle t, string? branch)
    {
        var copies = new List<CopySnapshot>(t.Copies.Count);
        foreach (var id in t.Copies)
        {
            var c = _copies[id];
            if (branch is null || c.BranchCode == branch)
                copies.Add(new CopySnapshot(c.IdText, c.LibraryId, c.BranchCode, c.Barcode, c.Status, c.Policy, c.CopyNumber));
        }
        return new TitleSnapshot(t.TitleNumber, t.Title, t.Author, t.Isbn, t.Ppn, t.OclcNumber, t.MaterialCode, t.Department, t.Shelfmark, t.Year,
            t.Publisher, t.Deleted, t.Revision, t.Modified, copies);
    }
}

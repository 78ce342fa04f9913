using System.Diagnostics;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ingest;

namespace Lsb.Hub.HoldingsSync.Bench;

/// <summary>
/// The day's changes, applied through the hub's canonical ingest (state + event log in one transaction per page of
/// 1,000, as an adapter's pages are): 40% changed shelfmarks, 30% new copies, 20% withdrawals, 10% loans (status only),
/// spread over all libraries.
/// </summary>
public static class ChangeDriver
{
    public sealed record Outcome(TimeSpan Elapsed, int Changed, int Added, int Withdrawn, int Loans);

    public static async Task<Outcome> ApplyAsync(CanonicalIngest ingest, BenchCopies copies, int count, int seed = 42)
    {
        var random = new Random(seed);
        var touched = new HashSet<int>();
        int Pick()
        {
            int copy;
            do copy = random.Next(copies.Count);
            while (!touched.Add(copy));
            return copy;
        }
        var changes = new List<CanonicalChange>(count);
        var at = DateTimeOffset.UtcNow;
        int changed = 0, added = 0, withdrawn = 0, loans = 0;
        for (var i = 0; i < count; i++)
        {
            var kind = i % 10;
            if (kind < 4)
            {
                changes.Add(Snapshot(copies, Pick(), 2, HoldingStatus.Available, at));
                changed++;
            }
            else if (kind < 7)
            {
                changes.Add(Snapshot(copies, copies.Count + added, 1, HoldingStatus.Available, at));
                added++;
            }
            else if (kind < 9)
            {
                var copy = Pick();
                changes.Add(new HoldingGone
                {
                    LocalId = BenchCopies.LocalId(copy), SourceEventId = $"gone-{copy}", SourceVersion = 3, OccurredAt = at,
                    Isil = Isil.Parse(BenchCopies.Isil(copies.LibraryOf(copy))),
                });
                withdrawn++;
            }
            else
            {
                changes.Add(Snapshot(copies, Pick(), 1, HoldingStatus.OnLoan, at, sourceVersion: 2));
                loans++;
            }
        }
        var clock = Stopwatch.StartNew();
        foreach (var page in changes.Chunk(1000))
            await ingest.ApplyAsync(BulkLoader.Installation, page, "bench", CancellationToken.None);
        return new Outcome(clock.Elapsed, changed, added, withdrawn, loans);
    }

    private static HoldingSnapshot Snapshot(BenchCopies copies, int copy, int version, HoldingStatus status, DateTimeOffset at, long? sourceVersion = null)
    {
        var library = copy < copies.Count ? copies.LibraryOf(copy) : 1 + (copy % (copies.Libraries - 1));
        return new HoldingSnapshot
        {
            LocalId = BenchCopies.LocalId(copy),
            SourceEventId = $"{copy}-{sourceVersion ?? version}-{status}",
            SourceVersion = sourceVersion ?? version,
            OccurredAt = at,
            Isil = Isil.Parse(BenchCopies.Isil(library)),
            Barcode = BenchCopies.Barcode(copy),
            Bibliographic = new BibliographicIds(BenchCopies.Isbn(copy), BenchCopies.Ppn(copy), null, "T" + copy),
            Title = BenchCopies.Title(copy),
            Author = "Auteur, Een",
            MaterialType = MaterialType.Book,
            Location = "Volwassenen romans",
            Shelfmark = BenchCopies.Shelfmark(copy, version == 1 ? 0 : version),
            Status = status,
            RawStatus = status == HoldingStatus.OnLoan ? "UIT" : "BES",
            LendableForIbl = true,
        };
    }
}

using System.Globalization;

namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>
/// Compares a full export with the snapshot of the previous one and writes only the differences as a change list
/// (new or changed records as <see cref="ChangeOp.Row"/>, vanished ones as <see cref="ChangeOp.Gone"/>), plus the new
/// snapshot for the next night. Streams: both sides are read in key order and merge-joined, so memory does not grow
/// with the export. An export already sorted by key (as Brocade writes them) is diffed in one pass; the first key out
/// of order makes it start again with an external sort (bounded memory, run files). A key that appears twice is
/// reported as broken, once per extra occurrence.
/// </summary>
internal static class SnapshotDiffer
{
    /// <summary>Outcome: changes written, records read, and whether the export had to be sorted.</summary>
    public readonly record struct Result(long Changes, long Records, bool Sorted);

    public static Result Diff(Func<IExportRecordSource> source, string sourceFile, string? baselinePath, string changeListPath, string snapshotPath,
        string workFolder, int sortMemoryBytes, CancellationToken cancellationToken)
    {
        try
        {
            return Pass(source(), sourceFile, baselinePath, changeListPath, snapshotPath, sorter: null, cancellationToken);
        }
        catch (NotSortedException)
        {
            using var sorter = new ExternalSorter(Path.Combine(workFolder, "sort-" + Guid.NewGuid().ToString("N")), sortMemoryBytes);
            return Pass(source(), sourceFile, baselinePath, changeListPath, snapshotPath, sorter, cancellationToken);
        }
    }

    private static Result Pass(IExportRecordSource source, string sourceFile, string? baselinePath, string changeListPath, string snapshotPath,
        ExternalSorter? sorter, CancellationToken cancellationToken)
    {
        using var baseline = baselinePath is null ? null : new SnapshotReader(baselinePath);
        baseline?.Next();
        ChangeListWriter? changes = null;
        SnapshotWriter? snapshot = null;
        var broken = new List<(long Position, int Ordinal, string Problem, byte[] Raw)>();
        var previous = new byte[256];
        var previousLength = -1;
        long previousPosition = 0;
        long records = 0;
        try
        {
            void Join(ReadOnlySpan<byte> key, ReadOnlySpan<byte> record, long position, int ordinal)
            {
                records++;
                if (previousLength >= 0)
                {
                    var order = SnapshotKeys.Compare(key, previous.AsSpan(0, previousLength));
                    if (order < 0) throw new NotSortedException();
                    if (order == 0)
                    {
                        changes!.Add(ChangeOp.Broken, key, record, position, ordinal,
                            string.Create(CultureInfo.InvariantCulture, $"its key {System.Text.Encoding.UTF8.GetString(key)} also belongs to the record at {previousPosition}; the first one is used"));
                        return;
                    }
                }
                // One reused buffer: no allocation per record, so memory stays flat however long the export.
                if (previous.Length < key.Length) previous = new byte[key.Length * 2];
                key.CopyTo(previous);
                previousLength = key.Length;
                previousPosition = position;
                while (baseline is { HasCurrent: true } && SnapshotKeys.Compare(baseline.Key, key) < 0)
                {
                    changes!.Add(ChangeOp.Gone, baseline.Key, baseline.Record, baseline.Position, baseline.Ordinal);
                    baseline.Next();
                }
                if (baseline is { HasCurrent: true } && SnapshotKeys.Compare(baseline.Key, key) == 0)
                {
                    if (!baseline.Record.SequenceEqual(record)) changes!.Add(ChangeOp.Row, key, record, position, ordinal);
                    baseline.Next();
                }
                else
                {
                    changes!.Add(ChangeOp.Row, key, record, position, ordinal);
                }
                snapshot!.Write(key, record, position, ordinal);
            }

            void Broken(long position, int ordinal, string problem, ReadOnlySpan<byte> raw) => broken.Add((position, ordinal, problem, raw.ToArray()));

            if (sorter is null)
            {
                // The header is known only once reading starts: open the outputs on the first record.
                source.Read((key, record, position, ordinal) =>
                {
                    changes ??= new ChangeListWriter(changeListPath, sourceFile, source.Header, baseline?.SourceFile, baseline?.Header);
                    snapshot ??= new SnapshotWriter(snapshotPath, sourceFile, source.Header);
                    Join(key, record, position, ordinal);
                }, Broken, cancellationToken);
            }
            else
            {
                source.Read(sorter.Add, Broken, cancellationToken);
            }
            changes ??= new ChangeListWriter(changeListPath, sourceFile, source.Header, baseline?.SourceFile, baseline?.Header);
            snapshot ??= new SnapshotWriter(snapshotPath, sourceFile, source.Header);
            if (sorter is not null)
            {
                records = 0;
                previousLength = -1;
                sorter.Merge(Join);
            }
            while (baseline is { HasCurrent: true })
            {
                changes.Add(ChangeOp.Gone, baseline.Key, baseline.Record, baseline.Position, baseline.Ordinal);
                baseline.Next();
            }
            foreach (var (position, ordinal, problem, raw) in broken) changes.Add(ChangeOp.Broken, [], raw, position, ordinal, problem);
            var count = changes.Count;
            snapshot.Complete();
            changes.Complete();
            return new Result(count, records, sorter is null);
        }
        finally
        {
            changes?.Dispose();
            snapshot?.Dispose();
        }
    }

    /// <summary>The export is not in key order: start again with an external sort.</summary>
    private sealed class NotSortedException : Exception
    {
        public NotSortedException() { }

        public NotSortedException(string message) : base(message) { }

        public NotSortedException(string message, Exception innerException) : base(message, innerException) { }
    }
}

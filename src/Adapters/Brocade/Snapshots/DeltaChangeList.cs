namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>A delta export needs no diff: every record is a change, in file order (broken ones where they stood).</summary>
internal static class DeltaChangeList
{
    public static long Write(IExportRecordSource source, string sourceFile, string changeListPath, CancellationToken cancellationToken)
    {
        ChangeListWriter? changes = null;
        try
        {
            source.Read(
                (key, record, position, ordinal) => (changes ??= new ChangeListWriter(changeListPath, sourceFile, source.Header, null, null))
                    .Add(ChangeOp.Row, key, record, position, ordinal),
                (position, ordinal, problem, raw) => (changes ??= new ChangeListWriter(changeListPath, sourceFile, source.Header, null, null))
                    .Add(ChangeOp.Broken, [], raw, position, ordinal, problem),
                cancellationToken);
            changes ??= new ChangeListWriter(changeListPath, sourceFile, source.Header, null, null);
            var count = changes.Count;
            changes.Complete();
            return count;
        }
        finally
        {
            changes?.Dispose();
        }
    }
}

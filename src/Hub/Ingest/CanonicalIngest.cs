using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.EventLog;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Ingest;

/// <summary>
/// Applies translated changes of one installation to the hub's state and appends the resulting canonical events
/// to the log, all in ONE transaction: state and log never disagree, and a crash leaves either all or nothing.
/// </summary>
public sealed class CanonicalIngest(HubDatabase database, TimeProvider time, EventLogSignal signal)
{
    /// <summary>Applies <paramref name="changes"/> (oldest first) for <paramref name="installationId"/>.</summary>
    public async Task<IngestOutcome> ApplyAsync(string installationId, IReadOnlyList<CanonicalChange> changes, string? correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0) return new IngestOutcome(0, 0, 0, 0);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var t0 = sw.Elapsed;
        var set = await WorkingSet.LoadAsync(connection, transaction, database.Dialect, installationId, changes, cancellationToken);
        var t1 = sw.Elapsed;
        var now = time.GetUtcNow();
        var nowText = now.ToUniversalTime().ToString("O");
        var applier = new ChangeApplier(set, nowText);
        foreach (var change in changes) applier.Apply(change);
        var t2 = sw.Elapsed;
        await StateWriter.WriteAsync(connection, transaction, set, nowText, cancellationToken);
        var t3 = sw.Elapsed;
        var last = await EventLogWriter.AppendAsync(connection, transaction, applier.Events, correlationId, now, cancellationToken);
        var t4 = sw.Elapsed;
        await transaction.CommitAsync(cancellationToken);
        Console.WriteLine($"PROFILE open+begin {t0.TotalMilliseconds:F1} load {(t1-t0).TotalMilliseconds:F1} decide {(t2-t1).TotalMilliseconds:F1} state {(t3-t2).TotalMilliseconds:F1} log {(t4-t3).TotalMilliseconds:F1} commit {(sw.Elapsed-t4).TotalMilliseconds:F1}");
        if (last > 0) signal.Notify(last);
        return new IngestOutcome(changes.Count, applier.Skipped, applier.Events.Count, last);
    }
}

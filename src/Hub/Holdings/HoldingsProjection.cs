using System.Text.Json;
using System.Data.Common;
using Dapper;
using Lsb.Hub.Canonical.Events;
using Lsb.Hub.HoldingsSync.Storage;
using Lsb.Hub.Ingest;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Holdings;

/// <summary>
/// Feeds the union holdings index and the holdings-sync journal from the event log, by position. Each window of the log
/// is applied in ONE transaction together with the checkpoint, so a crash re-reads at most the window it was in and
/// writes the same rows again (every write is an idempotent upsert). The checkpoint moves only from the value this
/// reader saw (optimistic), so two hub nodes never both apply a window. Status-only changes (a loan, a return) are
/// skipped: they change no title identifier and no catalogue record. Safe to call from several places at once.
/// An ingest page whose events follow the checkpoint directly is applied inside the page's own transaction
/// (<see cref="FollowAsync"/>), with the rows the page wrote, so a busy ingest neither waits for the projection's write
/// lock nor has its events read back.
/// </summary>
public sealed class HoldingsProjection(HubDatabase database, ILogger<HoldingsProjection> logger) : IIngestLogFollower
{
    /// <summary>Events read per transaction.</summary>
    public const int WindowSize = 5000;

    private static readonly HashSet<string> StatusFields = new(StringComparer.Ordinal) { "Status", "RawStatus" };
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Applies every committed event after the checkpoint; returns the new checkpoint.</summary>
    public Task<long> CatchUpAsync(CancellationToken cancellationToken) => CatchUpAsync(long.MaxValue, cancellationToken);

    /// <summary>
    /// Read-your-writes for readers of the index: returns once the index holds every event committed before this call
    /// (applying them itself when the background service has not yet), so a copy whose commit the caller has seen is
    /// found. Events committed during the call are left to the background service: a busy log never keeps it waiting.
    /// </summary>
    public async Task CatchUpToNowAsync(CancellationToken cancellationToken)
    {
        var (checkpoint, head) = await PositionsAsync(cancellationToken);
        if (checkpoint < head) await CatchUpAsync(head, cancellationToken);
    }

    private async Task<long> CatchUpAsync(long upTo, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var (checkpoint, head) = await PositionsAsync(cancellationToken);
                if (checkpoint >= Math.Min(head, upTo)) return checkpoint;
                var end = Math.Min(head, checkpoint + WindowSize);
                if (!await ApplyWindowAsync(checkpoint, end, cancellationToken))
                    logger.LogDebug("Another node advanced the holdings projection past {Checkpoint}; re-reading", checkpoint);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The checkpoint and the log's head.</summary>
    public async Task<(long Checkpoint, long Head)> PositionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var checkpoint = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT position FROM holdings_projection WHERE id = 1", cancellationToken: cancellationToken));
        var head = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT last_position FROM event_log_head WHERE id = 1", cancellationToken: cancellationToken));
        return (checkpoint, head);
    }

    private async Task<bool> ApplyWindowAsync(long after, long upTo, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var events = (await connection.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT position, event_type, subject_id, payload FROM event_log WHERE position > @after AND position <= @upTo " +
            "AND event_type IN ('HoldingAdded', 'HoldingChanged', 'HoldingWithdrawn') ORDER BY position",
            new { after, upTo }, transaction, cancellationToken: cancellationToken))).ToList();
        var touched = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.EventType == nameof(HoldingChanged) && OnlyStatusChanged(ChangedFields(e.Payload))) continue;
            touched[e.SubjectId] = e.Position;
        }
        if (touched.Count > 0)
        {
            var rows = await IdList.QueryAsync<HoldingRow>(connection, transaction, database.Dialect,
                "SELECT * FROM holdings WHERE {ids}", "id", touched.Keys, cancellationToken);
            await WriteAsync(connection, transaction, database.Dialect, rows, touched, cancellationToken);
        }
        if (!await MoveCheckpointAsync(connection, transaction, after, upTo, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Applies an ingest page's holdings events in the page's transaction when the checkpoint is just before the page
    /// (nothing else is waiting to be projected); otherwise leaves the page to <see cref="CatchUpAsync(CancellationToken)"/>.
    /// The rows come from the page's working set, which is what <c>SELECT * FROM holdings</c> returns inside this
    /// transaction. Writes first and moves the checkpoint last, as a window does, so on PostgreSQL a window being
    /// applied on another node and this page never wait on each other's locks in opposite order.
    /// </summary>
    public async Task FollowAsync(AppendedPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var checkpoint = await page.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT position FROM holdings_projection WHERE id = 1", transaction: page.Transaction, cancellationToken: cancellationToken));
        if (checkpoint != page.Before) return;
        var touched = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < page.Events.Count; i++)
        {
            switch (page.Events[i])
            {
                case HoldingChanged changed when OnlyStatusChanged(changed.ChangedFields): continue;
                case HoldingAdded or HoldingChanged or HoldingWithdrawn: touched[page.Events[i].SubjectId] = page.Before + 1 + i; break;
            }
        }
        if (touched.Count > 0)
        {
            var rows = page.State.Holdings.Values.Where(h => h.Row is not null && touched.ContainsKey(h.CanonicalId)).Select(h => h.Row!).ToList();
            if (rows.Count != touched.Count) return; // a copy the page did not load (not expected): the window reads it from the table
            await WriteAsync(page.Connection, page.Transaction, page.Dialect, rows, touched, cancellationToken);
        }
        await MoveCheckpointAsync(page.Connection, page.Transaction, page.Before, page.Last, cancellationToken);
    }

    private static async Task WriteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, IReadOnlyList<HoldingRow> rows,
        Dictionary<string, long> touched, CancellationToken cancellationToken)
    {
        await HoldingsIndexWriter.WriteAsync(connection, transaction, rows, touched, cancellationToken);
        await HoldingsSync.Journal.SyncJournal.RecordAsync(connection, transaction, dialect, rows, touched, cancellationToken);
    }

    // Moves the checkpoint only from the value the caller saw: false when another reader moved it first.
    private static async Task<bool> MoveCheckpointAsync(DbConnection connection, DbTransaction transaction, long after, long upTo, CancellationToken cancellationToken)
        => await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE holdings_projection SET position = @upTo, updated_at = @at WHERE id = 1 AND position = @after",
            new { upTo, after, at = DateTimeOffset.UtcNow.ToString("O") }, transaction, cancellationToken: cancellationToken)) == 1;

    private static IEnumerable<string?> ChangedFields(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        if (!document.RootElement.TryGetProperty("changedFields", out var fields) || fields.ValueKind != JsonValueKind.Array) return [];
        return [.. fields.EnumerateArray().Select(f => f.ValueKind == JsonValueKind.String ? f.GetString() : null)];
    }

    // A change of the copy's status only (a loan, a return): no title identifier and no catalogue field changed.
    private static bool OnlyStatusChanged(IEnumerable<string?> changedFields)
    {
        var any = false;
        foreach (var name in changedFields)
        {
            any = true;
            if (name is null || !StatusFields.Contains(name)) return false;
        }
        return any;
    }

    private sealed class EventRow
    {
        public long Position { get; set; }
        public string EventType { get; set; } = "";
        public string SubjectId { get; set; } = "";
        public string Payload { get; set; } = "";
    }
}

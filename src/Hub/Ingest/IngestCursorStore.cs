using System.Data.Common;
using Dapper;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Ingest;

/// <summary>Persists each installation's read position and polling health.</summary>
public sealed class IngestCursorStore(HubDatabase database, TimeProvider time)
{
    /// <summary>The state of one installation (null when never polled).</summary>
    public async Task<IngestCursorState?> GetAsync(string installationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IngestCursorState>(new CommandDefinition(
            "SELECT * FROM ingest_cursors WHERE installation_id = @installationId", new { installationId }, cancellationToken: cancellationToken));
    }

    /// <summary>Records a successful read: the new cursor (only after its page is safely on the bus).</summary>
    public async Task SaveSuccessAsync(string installationId, string cursor, int changes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await SaveSuccessAsync(connection, null, installationId, cursor, changes, cancellationToken);
    }

    /// <summary>Records a successful read inside <paramref name="transaction"/>: the inline ingest moves the cursor on
    /// in the transaction that applies the page.</summary>
    public async Task SaveSuccessAsync(DbConnection connection, DbTransaction? transaction, string installationId, string cursor, int changes,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToString("O");
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ingest_cursors (installation_id, cursor, last_poll_at, last_success_at, last_change_at, consecutive_failures, changes_read, pages_read) " +
            "VALUES (@installationId, @cursor, @now, @now, @changeAt, 0, @changes, @pages) " +
            "ON CONFLICT (installation_id) DO UPDATE SET cursor = excluded.cursor, last_poll_at = excluded.last_poll_at, " +
            "last_success_at = excluded.last_success_at, last_change_at = COALESCE(excluded.last_change_at, ingest_cursors.last_change_at), " +
            "consecutive_failures = 0, changes_read = ingest_cursors.changes_read + excluded.changes_read, " +
            "pages_read = ingest_cursors.pages_read + excluded.pages_read",
            new { installationId, cursor, now, changeAt = changes > 0 ? now : null, changes = (long)changes, pages = changes > 0 ? 1L : 0L },
            transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Records a failed poll.</summary>
    public async Task SaveFailureAsync(string installationId, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToString("O");
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ingest_cursors (installation_id, last_poll_at, last_error, last_error_at, consecutive_failures, changes_read, pages_read) " +
            "VALUES (@installationId, @now, @error, @now, 1, 0, 0) " +
            "ON CONFLICT (installation_id) DO UPDATE SET last_poll_at = excluded.last_poll_at, last_error = excluded.last_error, " +
            "last_error_at = excluded.last_error_at, consecutive_failures = ingest_cursors.consecutive_failures + 1",
            new { installationId, now, error }, cancellationToken: cancellationToken));
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Storage;

/// <summary>
/// Copies the SQLite write-ahead log back into <c>hub.db</c> on a thread of its own (embedded default only). Without
/// it SQLite checkpoints inside the commit that crosses <c>wal_autocheckpoint</c>, so a large write (an ingest page, a
/// batch of e-book loans touching thousands of index pages) also pays for copying and syncing those pages before it
/// can answer. Passive checkpoints never wait for readers or writers; the per-connection limit
/// (<see cref="StorageOptions.SqliteAutoCheckpointPages"/>) stays as a backstop for processes that run without this
/// service (command-line tools) or when it falls behind.
/// </summary>
public sealed class SqliteCheckpointer(HubDatabase database, IOptions<StorageOptions> options, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SqliteCheckpointInterval;
        if (database.Provider != StorageProvider.Sqlite || interval <= TimeSpan.Zero) return;
        await using var connection = new SqliteConnection(database.StateConnectionString);
        try
        {
            await connection.OpenAsync(stoppingToken);
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (SqliteException e)
                {
                    // Busy or locked now (another checkpoint, a schema change): the next tick tries again.
                    logger.LogDebug(e, "Background WAL checkpoint skipped");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

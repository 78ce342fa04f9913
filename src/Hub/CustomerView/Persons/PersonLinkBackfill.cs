using Lsb.Hub.Storage;

namespace Lsb.Hub.CustomerView.Persons;

/// <summary>
/// Links the memberships that have no person yet — those stored before the customer view existed, or loaded in bulk —
/// in chunks, once at start. New and changed members are linked by ingest itself (<see cref="CustomerViewIngestParticipant"/>).
/// </summary>
public sealed class PersonLinkBackfill(HubDatabase database, TimeProvider time, ILogger<PersonLinkBackfill> logger) : BackgroundService
{
    private const int ChunkSize = 500;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long linked = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Found outside a write transaction: the usual answer is "none", and finding it must not hold up ingest.
                var unlinked = new List<string>();
                await using (var reading = await database.OpenAsync(stoppingToken))
                await using (var command = SqlCommands.Create(reading, null,
                    "SELECT m.id FROM members m WHERE m.removed = @notRemoved AND m.erased_at IS NULL " +
                    "AND NOT EXISTS (SELECT 1 FROM member_persons mp WHERE mp.member_id = m.id) LIMIT @n", ("notRemoved", false), ("n", ChunkSize)))
                await using (var reader = await command.ExecuteReaderAsync(stoppingToken))
                {
                    while (await reader.ReadAsync(stoppingToken)) unlinked.Add(reader.GetString(0));
                }
                if (unlinked.Count == 0) break;
                await using var connection = await database.OpenAsync(stoppingToken);
                await using var transaction = await HubDatabase.BeginWriteAsync(connection, stoppingToken);
                await LogHeadLock.TakeAsync(connection, transaction, database.Dialect, stoppingToken);
                await PersonLinker.LinkAsync(connection, transaction, database.Dialect, unlinked, time.GetUtcNow(), stoppingToken);
                await transaction.CommitAsync(stoppingToken);
                linked += unlinked.Count;
            }
            if (linked > 0) logger.LogInformation("Linked {Count} memberships that had no person yet", linked);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Linking memberships without a person stopped after {Count}; the next start continues", linked);
        }
    }
}

using Dapper;
using Lsb.Hub.Bus;
using Lsb.Hub.EventLog;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Lsb.Hub.Dwh;

/// <summary>
/// Push delivery over the broker (RabbitMQ exchange or Azure Service Bus topic): publishes the pseudonymised events in batches to the exchange the DWH binds its queue
/// to, through Wolverine's durable outbox, then moves its checkpoint. One node in the cluster publishes (a cluster
/// lock). At least once: a crash between publishing and the checkpoint republishes that batch.
/// </summary>
public sealed class DwhBrokerPublisher(
    IOptions<DwhOptions> options,
    BusOptions bus,
    EventLogReader reader,
    EventLogSignal signal,
    DwhEventMapper mapper,
    Pseudonymizer pseudonyms,
    HubDatabase database,
    IMessageBus messages,
    TimeProvider time,
    ILogger<DwhBrokerPublisher> logger) : BackgroundService
{
    private const string Checkpoint = "dwh-broker";

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PushToBroker || bus.Transport == BusTransport.Local || !pseudonyms.Enabled) return;
        await using var clusterLock = new ClusterLock(database, "dwh-broker-publisher");
        await clusterLock.LeadAsync(token => PublishWhileLeadingAsync(clusterLock, token),
            e => e is System.Data.Common.DbException or InvalidOperationException or TimeoutException,
            logger, "DWH push to the broker", stoppingToken);
    }

    private async Task PublishWhileLeadingAsync(ClusterLock clusterLock, CancellationToken stoppingToken)
    {
        var after = await ReadCheckpointAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested && await clusterLock.StillHeldAsync(stoppingToken))
        {
            var events = await reader.ReadAsync(after, options.Value.PushBatchSize, stoppingToken);
            if (events.Count == 0)
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
                continue;
            }
            await messages.PublishAsync(new DwhEventBatch([.. events.Select(mapper.Map)]));
            after = events[^1].Position;
            await WriteCheckpointAsync(after, stoppingToken);
        }
    }

    private async Task<long> ReadCheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT position FROM dwh_checkpoints WHERE name = @name", new { name = Checkpoint }, cancellationToken: cancellationToken)) ?? 0;
    }

    private async Task WriteCheckpointAsync(long position, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO dwh_checkpoints (name, position, updated_at) VALUES (@name, @position, @at) " +
            "ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at",
            new { name = Checkpoint, position, at = time.GetUtcNow().ToString("O") }, cancellationToken: cancellationToken));
    }
}

using Lsb.Hub.Bus;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Storage;
using Wolverine;

namespace Lsb.Hub.EventLog;

/// <summary>
/// Azure Service Bus: follows the head of the event log and publishes <see cref="CanonicalEventsAppended"/> to the
/// events topic whenever it has grown, through the durable outbox, so the log followers on every node learn of commits
/// made on other nodes without each polling the database. One node publishes (a cluster lock), in log order; a node that
/// takes over starts with a notification up to the head, so commits during the hand-over are not left unannounced.
/// Bursts of commits are announced together, at most one notification per <see cref="Gap"/>.
/// </summary>
public sealed class EventLogTopicPublisher(BusOptions bus, EventLogReader reader, EventLogSignal signal, HubDatabase database,
    IMessageBus messages, ILogger<EventLogTopicPublisher> logger) : BackgroundService
{
    /// <summary>The least time between two notifications.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(200);

    /// <summary>How often the publisher reads the head when nothing on its own node signalled a commit.</summary>
    public static readonly TimeSpan HeadPoll = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (bus.Transport != BusTransport.AzureServiceBus) return;
        await using var leadership = new ClusterLock(database, "event-log-topic-publisher");
        await leadership.LeadAsync(token => AnnounceWhileLeadingAsync(leadership, token),
            e => e is System.Data.Common.DbException or InvalidOperationException or TimeoutException,
            logger, "Publishing event log notifications to the events topic", stoppingToken);
    }

    private async Task AnnounceWhileLeadingAsync(ClusterLock leadership, CancellationToken stoppingToken)
    {
        long? announced = null;
        while (!stoppingToken.IsCancellationRequested && await leadership.StillHeldAsync(stoppingToken))
        {
            var head = await reader.HeadAsync(stoppingToken);
            if (head > 0 && head != announced)
            {
                await messages.PublishAsync(new CanonicalEventsAppended(announced ?? 0, head));
                announced = head;
                await Task.Delay(Gap, stoppingToken);
            }
            await signal.WaitAsync(HeadPoll, stoppingToken);
        }
    }
}

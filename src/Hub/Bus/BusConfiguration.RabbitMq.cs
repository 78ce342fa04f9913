using Lsb.Hub.HoldingsSync;
using Lsb.Hub.Ibl;
using Wolverine;
using Wolverine.RabbitMQ;

namespace Lsb.Hub.Bus;

public static partial class BusConfiguration
{
    /// <summary>RabbitMQ: each of <see cref="HubWorkQueues"/> is a broker queue <c>{prefix}-{queue}</c> that every node
    /// reads through the durable inbox; DWH batches go to the fanout exchange <c>{prefix}-dwh</c>.</summary>
    private static void UseRabbitMqQueues(WolverineOptions opts, BusOptions bus, int parallelism, int iblParallelism)
    {
        opts.UseRabbitMq(new Uri(bus.RabbitMqUri!))
            .AutoProvision()
            // Publisher confirms: a send leaves the outbox only once the broker has taken it. Without them (Wolverine's
            // default) a publish written just before the connection drops counts as sent and is lost
            // (RabbitMqTransportBehaviour.When_the_broker_refuses_sends_at_commit_...).
            .ConfigureChannelCreation(channel =>
            {
                channel.PublisherConfirmationsEnabled = true;
                channel.PublisherConfirmationTrackingEnabled = true;
            })
            .CustomizeDeadLetterQueueing(new DeadLetterQueue($"{bus.QueuePrefix}-dead-letters", DeadLetterQueueMode.WolverineStorage));
        RabbitMqListenerConfiguration WorkQueue(string name, IEnumerable<Type> messages)
        {
            var queue = $"{bus.QueuePrefix}-{name}";
            foreach (var type in messages) opts.PublishMessage(type).ToRabbitQueue(queue);
            return opts.ListenToRabbitQueue(queue).UseDurableInbox();
        }
        WorkQueue(IngestQueue, HubWorkQueues.Ingest).MaximumParallelMessages(parallelism);
        WorkQueue(IblFeature.Queue, HubWorkQueues.Ibl).MaximumParallelMessages(iblParallelism);
        WorkQueue(HoldingsSyncHeaders.Queue, HubWorkQueues.HoldingsSync).Sequential();
        opts.PublishMessage<Dwh.DwhEventBatch>().ToRabbitExchange($"{bus.QueuePrefix}-dwh", exchange => exchange.ExchangeType = ExchangeType.Fanout);
        opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
    }
}

using Lsb.Hub.HoldingsSync.Delivery;
using Lsb.Hub.HoldingsSync.Rejections;
using Lsb.Hub.Ibl.Iso18626;
using Lsb.Hub.Ibl.Steps;
using Lsb.Hub.Ibl.Timers;
using Lsb.Hub.Ingest;

namespace Lsb.Hub.Bus;

/// <summary>
/// The queues the hub sends its own work to, and the messages each carries. On every transport each of these queues is
/// durable: a durable local queue in the message store (embedded), or a broker queue read through the durable inbox
/// (RabbitMQ, Azure Service Bus). A message type the hub sends to itself MUST be listed here: one left out falls to
/// Wolverine's default local queue, which on the broker transports is held in memory only and lost in a crash
/// (HubOnAzureServiceBusTests checks every handled type).
/// </summary>
public static class HubWorkQueues
{
    /// <summary>Ingest pages and the changes split off them (queue <c>ingest</c>; one per installation on Azure Service Bus).</summary>
    public static readonly IReadOnlyList<Type> Ingest = [typeof(IngestChangePage), typeof(IngestChange)];

    /// <summary>Interlibrary-loan steps, timers and ISO 18626 sends (queue <c>ibl</c>).</summary>
    public static readonly IReadOnlyList<Type> Ibl = [typeof(IblStepDue), typeof(IblTimerDue), typeof(IblIsoSend)];

    /// <summary>Holdings deliveries and rejected records (queue <c>holdings-sync</c>, one message at a time per node).</summary>
    public static readonly IReadOnlyList<Type> HoldingsSync = [typeof(DeliverHoldingsBatch), typeof(HoldingRecordRejected)];
}

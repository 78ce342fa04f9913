using Lsb.Hub.HoldingsSync;
using Lsb.Hub.Ibl;
using Wolverine;

namespace Lsb.Hub.Bus;

public static partial class BusConfiguration
{
    /// <summary>Embedded: each of <see cref="HubWorkQueues"/> is a durable local queue in the message store.</summary>
    private static void UseDurableLocalQueues(WolverineOptions opts, int parallelism, int iblParallelism)
    {
        opts.Policies.UseDurableLocalQueues();
        opts.LocalQueue(IngestQueue).MaximumParallelMessages(parallelism);
        foreach (var type in HubWorkQueues.Ingest) opts.PublishMessage(type).ToLocalQueue(IngestQueue);
        opts.LocalQueue(IblFeature.Queue).MaximumParallelMessages(iblParallelism);
        foreach (var type in HubWorkQueues.Ibl) opts.PublishMessage(type).ToLocalQueue(IblFeature.Queue);
        opts.LocalQueue(HoldingsSyncHeaders.Queue).Sequential();
        foreach (var type in HubWorkQueues.HoldingsSync) opts.PublishMessage(type).ToLocalQueue(HoldingsSyncHeaders.Queue);
    }
}

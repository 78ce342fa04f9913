using Lsb.Hub.HoldingsSync.Targets;
using Serilog.Context;
using Wolverine;
using Wolverine.Attributes;

namespace Lsb.Hub.HoldingsSync.Delivery;

/// <summary>
/// Handles <see cref="DeliverHoldingsBatch"/> on the sequential <c>holdings-sync</c> queue. A whole-delivery refusal
/// (<see cref="HoldingsDeliveryRefusedException"/>) goes to the failed-message store at once; anything else (the target
/// down, 429s beyond the retries) follows the hub's retry policy.
/// </summary>
public sealed class DeliverHoldingsBatchHandler(HoldingsDelivery delivery)
{
    /// <summary>Delivers.</summary>
    [MoveToErrorQueueOn(typeof(HoldingsDeliveryRefusedException))]
    public async Task Handle(DeliverHoldingsBatch message, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        using var _ = LogContext.PushProperty("CorrelationId", context.CorrelationId);
        using var __ = LogContext.PushProperty("Isil", message.Isil);
        await delivery.DeliverThroughAsync(message.Isil, message.BatchId,
            rejected => context.SendAsync(rejected, new DeliveryOptions().WithHeader(HoldingsSyncHeaders.Library, rejected.Isil)), cancellationToken);
    }
}

using Lsb.Hub.HoldingsSync.Targets;
using Serilog.Context;
using Wolverine;
using Wolverine.Attributes;

namespace Lsb.Hub.HoldingsSync.Delivery;

/// <summary>
/// Handles <see cref="DeliverHoldingsBatch"/> on the sequential <c>holdings-sync</c> queue. A whole-delivery refusal
/// (<see cref="HoldingsDeliveryRefusedException"/>) goes to the failed-message store at once; anything else (the target
/// down, 429s beyond the retries) follows the hub's retry policy. A delivery stops as soon as the hub starts shutting
/// down instead of holding the shutdown up: it resumes from its recorded outcomes on the next start.
/// </summary>
public sealed class DeliverHoldingsBatchHandler(HoldingsDelivery delivery, IHostApplicationLifetime lifetime)
{
    /// <summary>Delivers.</summary>
    [MoveToErrorQueueOn(typeof(HoldingsDeliveryRefusedException))]
    public async Task Handle(DeliverHoldingsBatch message, IMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        using var _ = LogContext.PushProperty("CorrelationId", context.CorrelationId);
        using var __ = LogContext.PushProperty("Isil", message.Isil);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        await delivery.DeliverThroughAsync(message.Isil, message.BatchId,
            rejected => context.SendAsync(rejected, new DeliveryOptions().WithHeader(HoldingsSyncHeaders.Library, rejected.Isil)), stopping.Token);
    }
}

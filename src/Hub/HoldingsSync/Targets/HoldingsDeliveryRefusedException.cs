namespace Lsb.Hub.HoldingsSync.Targets;

/// <summary>
/// A target refused a delivery as a whole (credentials, an unknown library, a file it will not take). Retrying
/// cannot help: the delivery message goes to the failed-message store at once, naming the library, the batch and what
/// to fix; replaying it after the fix delivers the batch (records already acknowledged are not sent again).
/// </summary>
public sealed class HoldingsDeliveryRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HoldingsDeliveryRefusedException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public HoldingsDeliveryRefusedException() : base("The catalogue refused the delivery.") { }

    /// <summary>Creates the exception.</summary>
    public HoldingsDeliveryRefusedException(string message, Exception innerException) : base(message, innerException) { }
}

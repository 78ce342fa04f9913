namespace Lsb.Hub.FailedMessages.Stamping;

/// <summary>
/// Envelope headers that say where a message comes from, stamped by its sender (<see cref="OriginHeaders"/>) and kept
/// by Wolverine when the message lands in the failed-message store, so administrators can filter on them. The stack
/// trace is Wolverine's own header.
/// </summary>
public static class FailedMessageHeaders
{
    /// <summary>The installation the message concerns.</summary>
    public const string Installation = "lsb-installation";

    /// <summary>The vendor of that installation (Wise, VSmart, Brocade).</summary>
    public const string Vendor = "lsb-vendor";

    /// <summary>The ISIL of the library the message concerns, where known.</summary>
    public const string Library = "lsb-isil";

    /// <summary>The stack trace of the last failure, stamped by Wolverine as the message is dead-lettered.</summary>
    public const string StackTrace = Wolverine.Transports.DeadLetterQueueConstants.ExceptionStackHeader;
}

namespace Lsb.Hub.FailedMessages.Stamping;

/// <summary>
/// Envelope headers the hub stamps on a message as it enters the failed-message store, so administrators can
/// filter by where a failure came from. Stamped from the message body (see <see cref="MessageOrigin"/>) by
/// <see cref="FailedMessageStamp"/>, never trusted from a sender.
/// </summary>
public static class FailedMessageHeaders
{
    /// <summary>The installation the message concerns.</summary>
    public const string Installation = "lsb-installation";

    /// <summary>The vendor of that installation (Wise, VSmart, Brocade).</summary>
    public const string Vendor = "lsb-vendor";

    /// <summary>The ISIL of the library the message concerns, where known.</summary>
    public const string Library = "lsb-isil";

    /// <summary>The full exception text (type, message, stack trace), truncated.</summary>
    public const string StackTrace = "lsb-exception-stack";

    /// <summary>The longest stack trace kept.</summary>
    public const int MaxStackTraceLength = 16_000;
}

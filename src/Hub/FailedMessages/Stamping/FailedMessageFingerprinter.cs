using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.FailedMessages.Stamping;

/// <summary>
/// Puts every failed message in its group: exception type + message type + installation. Wolverine stores the
/// group with the dead letter, so groups are counted, listed and replayed in the database. The key is a stable
/// hash of the three parts; the title spells them out for people.
/// </summary>
public sealed class FailedMessageFingerprinter : IDeadLetterFingerprinter
{
    /// <summary>Separates the parts of a group title.</summary>
    public const string TitleSeparator = " | ";

    /// <inheritdoc />
    public DeadLetterFingerprint Fingerprint(Envelope envelope, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var exceptionType = exception?.DeadLetterExceptionType() ?? "none";
        var messageType = envelope.MessageType ?? "unknown";
        var installation = envelope.TryGetHeader(FailedMessageHeaders.Installation, out var header) && header is { Length: > 0 } ? header : "-";
        return For(exceptionType, messageType, installation);
    }

    /// <summary>The fingerprint of a group (also used by tests and tools to name a group).</summary>
    public static DeadLetterFingerprint For(string exceptionType, string messageType, string installation)
    {
        var title = string.Join(TitleSeparator, exceptionType, messageType, installation);
        return DeadLetterFingerprint.Hashed("lsb-group\n" + exceptionType + "\n" + messageType + "\n" + installation, title);
    }

    /// <summary>Splits a title written by <see cref="For"/> back into its parts (null for foreign titles).</summary>
    public static (string ExceptionType, string MessageType, string Installation)? Parse(string? title)
    {
        var parts = title?.Split(TitleSeparator);
        return parts is { Length: 3 } ? (parts[0], parts[1], parts[2]) : null;
    }
}

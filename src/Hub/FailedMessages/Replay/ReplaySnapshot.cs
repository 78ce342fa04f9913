using System.Text.Json;
using Lsb.Hub.FailedMessages.Stamping;
using Lsb.Hub.FailedMessages.Store;
using Wolverine.Persistence.Durability;

namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>
/// What the hub keeps of a message when it is replayed: Wolverine removes the dead letter as it puts the message
/// back on the bus, so the record of a resolved message is taken from this snapshot.
/// </summary>
public static class ReplaySnapshot
{
    /// <summary>The snapshot of <paramref name="letter"/>, as JSON.</summary>
    public static string Take(DeadLetterEnvelope letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var row = new ResolvedRow
        {
            MessageId = letter.Id.ToString("D"),
            MessageType = letter.MessageType,
            ExceptionType = letter.ExceptionType,
            ExceptionMessage = letter.ExceptionMessage,
            FailureGroup = letter.FailureGroup,
            InstallationId = FailedMessageStore.Header(letter, FailedMessageHeaders.Installation),
            Vendor = FailedMessageStore.Header(letter, FailedMessageHeaders.Vendor),
            Isil = FailedMessageStore.Header(letter, FailedMessageHeaders.Library),
            FirstFailedAt = IsoTime.Format(letter.FirstFailedAt ?? letter.FailedAt ?? letter.SentAt),
            LastFailedAt = IsoTime.Format(letter.FailedAt ?? letter.SentAt),
            Failures = letter.ReplayCount + 1,
            Body = FailedMessageStore.Pretty(letter.Envelope.Data),
            Headers = JsonSerializer.Serialize(letter.Envelope.Headers),
        };
        return JsonSerializer.Serialize(row);
    }

    /// <summary>The resolved record of a succeeded replay.</summary>
    public static ResolvedRow Resolve(string? snapshot, PendingReplay replay, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var row = (snapshot is null ? null : JsonSerializer.Deserialize<ResolvedRow>(snapshot))
            ?? new ResolvedRow { MessageId = replay.MessageId, MessageType = "unknown", ExceptionType = "unknown", Failures = 1 };
        row.ResolvedAt = IsoTime.Format(now);
        row.ResolvedBy = replay.RequestedBy;
        row.OperationId = replay.OperationId;
        return row;
    }
}

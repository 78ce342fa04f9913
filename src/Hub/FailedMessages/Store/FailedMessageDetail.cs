namespace Lsb.Hub.FailedMessages.Store;

/// <summary>Everything known about one failed message.</summary>
/// <param name="Summary">The list fields.</param>
/// <param name="Body">The message body, pretty-printed JSON (as stored when it is not JSON).</param>
/// <param name="Headers">The envelope headers.</param>
/// <param name="StackTrace">The full exception text of the last failure, when stamped.</param>
/// <param name="Endpoint">Where it was received (the local queue).</param>
/// <param name="SentAt">When it was first sent.</param>
/// <param name="LastReplayedAt">When it was last replayed.</param>
/// <param name="Replays">Its replays, oldest first.</param>
public sealed record FailedMessageDetail(
    FailedMessageSummary Summary,
    string? Body,
    IReadOnlyDictionary<string, string?> Headers,
    string? StackTrace,
    string? Endpoint,
    DateTimeOffset? SentAt,
    DateTimeOffset? LastReplayedAt,
    IReadOnlyList<ReplayRecord> Replays);

using Lsb.Hub.FailedMessages.Store;

namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>What a replay operation replays: exactly one of explicit ids, one group, or a filter.</summary>
public sealed record ReplaySelection
{
    /// <summary>Explicit message ids.</summary>
    public IReadOnlyList<Guid>? Ids { get; init; }
    /// <summary>A group key.</summary>
    public string? Group { get; init; }
    /// <summary>A filter.</summary>
    public FailedMessageFilter? Filter { get; init; }
}

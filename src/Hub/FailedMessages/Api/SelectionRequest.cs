using Lsb.Hub.FailedMessages.Replay;
using Lsb.Hub.FailedMessages.Store;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>Body of a bulk replay, archive or unarchive: exactly one of ids, group or filter.</summary>
public sealed record SelectionRequest
{
    /// <summary>Message ids.</summary>
    public IReadOnlyList<Guid>? Ids { get; init; }
    /// <summary>A group key (from <c>GET …/groups</c>).</summary>
    public string? Group { get; init; }
    /// <summary>Criteria, as for the list.</summary>
    public FailedMessageFilter? Filter { get; init; }
    /// <summary>Replay only: also replay messages replayed <see cref="FailedMessagesOptions.MaxReplaysPerMessage"/> times already.</summary>
    public bool Force { get; init; }

    /// <summary>The selection.</summary>
    public ReplaySelection ToSelection() => new() { Ids = Ids, Group = Group, Filter = Filter };
}

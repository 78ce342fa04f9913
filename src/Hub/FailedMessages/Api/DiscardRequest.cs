using Lsb.Hub.FailedMessages.Store;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>Body of a discard: which messages, and the explicit confirmation.</summary>
public sealed record DiscardRequest
{
    /// <summary>Criteria, as for the list; an empty filter means every message with <see cref="Status"/>.</summary>
    public FailedMessageFilter Filter { get; init; } = new();
    /// <summary>Failed (default) or Archived.</summary>
    public FailedMessageStatus Status { get; init; } = FailedMessageStatus.Failed;
    /// <summary>MUST be <c>DISCARD</c> (<c>DISCARD ALL</c> for an empty filter); otherwise nothing is deleted and the
    /// answer says how many would be.</summary>
    public string? Confirm { get; init; }
}

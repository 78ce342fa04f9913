using System.Text.Json;
using Lsb.Hub.FailedMessages.Api;
using Lsb.Hub.FailedMessages.Audit;
using Lsb.Hub.FailedMessages.Replay;
using Lsb.Hub.Infrastructure;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.FailedMessages.Store;

/// <summary>
/// Archive, unarchive and discard, each audited. A message with a replay outstanding is never archived or
/// discarded (it is on the bus; its outcome decides). Discard deletes for good and therefore needs the explicit
/// confirmation <see cref="DiscardConfirmation"/> (<see cref="DiscardAllConfirmation"/> for an empty filter).
/// </summary>
public sealed class FailedMessageActions(FailedMessageStore store, AuditTrail audit)
{
    /// <summary>The confirmation a discard by filter needs.</summary>
    public const string DiscardConfirmation = "DISCARD";

    /// <summary>The confirmation a discard of everything (an empty filter) needs.</summary>
    public const string DiscardAllConfirmation = "DISCARD ALL";

    /// <summary>Archives a selection; answers how many were archived.</summary>
    public Task<(int Affected, Refusal? Refusal)> ArchiveAsync(ReplaySelection selection, string actor, CancellationToken cancellationToken)
        => ApplyAsync(selection, actor, AuditAction.Archive, DeadLetterArchiveFilter.Exclude,
            (query, token) => store.DeadLetters.ArchiveMatchingAsync(query, token), cancellationToken);

    /// <summary>Takes a selection out of the archive; answers how many were restored.</summary>
    public Task<(int Affected, Refusal? Refusal)> UnarchiveAsync(ReplaySelection selection, string actor, CancellationToken cancellationToken)
        => ApplyAsync(selection, actor, AuditAction.Unarchive, DeadLetterArchiveFilter.Only,
            (query, token) => store.DeadLetters.RestoreMatchingAsync(query, token), cancellationToken);

    /// <summary>Deletes the messages matching <paramref name="filter"/> with <paramref name="status"/> for good.</summary>
    public async Task<(int Affected, Refusal? Refusal)> DiscardAsync(FailedMessageFilter filter, FailedMessageStatus status, string? confirm, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (status == FailedMessageStatus.Resolved)
            return (0, Refusal.Invalid("status", "Resolved messages are removed by retention, not discarded: use status \"Failed\" or \"Archived\"."));
        var archived = status == FailedMessageStatus.Archived ? DeadLetterArchiveFilter.Only : DeadLetterArchiveFilter.Exclude;
        var expected = filter.IsEmpty ? DiscardAllConfirmation : DiscardConfirmation;
        if (!string.Equals(confirm, expected, StringComparison.Ordinal))
        {
            var count = (await store.DeadLetters.QueryAsync(WithoutReplaying(filter.ToQuery(archived, 1, 1)), cancellationToken)).TotalCount;
            return (0, Refusal.Invalid("confirm",
                $"Discarding deletes {count} message(s) for good. To go ahead, send the same request with \"confirm\": \"{expected}\"."));
        }
        var result = await store.DeadLetters.DiscardMatchingAsync(WithoutReplaying(filter.ToQuery(archived, 1, 0)), cancellationToken);
        var affected = result.Affected ?? 0;
        await audit.RecordAsync(actor, AuditAction.Discard, JsonSerializer.Serialize(new { filter, status }, HubJson.Options), affected, null, null, cancellationToken);
        return (affected, null);
    }

    private async Task<(int Affected, Refusal? Refusal)> ApplyAsync(ReplaySelection selection, string actor, string action, DeadLetterArchiveFilter archived,
        Func<DeadLetterEnvelopeQuery, CancellationToken, Task<DeadLetterOperationResult>> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var given = (selection.Ids is not null ? 1 : 0) + (selection.Group is not null ? 1 : 0) + (selection.Filter is not null ? 1 : 0);
        if (given != 1)
            return (0, Refusal.Invalid("body", "Name exactly one of \"ids\" (a list of message ids), \"group\" (a group key) or \"filter\" (an object of criteria)."));
        if (selection.Ids is { Count: 0 }) return (0, Refusal.Invalid("ids", "\"ids\" is empty: name at least one message id."));
        var query = selection.Ids is { } ids
            ? new DeadLetterEnvelopeQuery { MessageIds = [.. ids], Archived = archived, PageSize = 0 }
            : (selection.Filter ?? new FailedMessageFilter { Group = selection.Group }).ToQuery(archived, 1, 0);
        var result = await apply(WithoutReplaying(query), cancellationToken);
        var affected = result.Affected ?? 0;
        await audit.RecordAsync(actor, action, JsonSerializer.Serialize(selection, HubJson.Options), affected, null, null, cancellationToken);
        return (affected, null);
    }

    private static DeadLetterEnvelopeQuery WithoutReplaying(DeadLetterEnvelopeQuery query)
    {
        query.Replayable = false;
        return query;
    }
}

using System.Text.Json;
using Lsb.Hub.FailedMessages.Api;
using Lsb.Hub.FailedMessages.Audit;
using Lsb.Hub.FailedMessages.Store;
using Lsb.Hub.Infrastructure;
using Microsoft.Extensions.Options;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>
/// Accepts replay requests: freezes the selection into an operation, audits it and wakes the runner. A single
/// message is checked at once so the administrator hears straight away why it cannot be replayed.
/// </summary>
public sealed class ReplayRequests(
    FailedMessageStore store,
    ResolvedMessages resolved,
    ReplayLedger ledger,
    OperationStore operations,
    ReplaySignal signal,
    AuditTrail audit,
    IOptions<FailedMessagesOptions> options,
    TimeProvider time)
{
    /// <summary>The most ids one request may name.</summary>
    public const int MaxIds = 100_000;

    /// <summary>Replays one message.</summary>
    public async Task<(ReplayOperationView? Operation, Refusal? Refusal)> ReplayOneAsync(Guid id, string actor, bool force, CancellationToken cancellationToken)
    {
        if ((await resolved.ResolvedAmongAsync([id], cancellationToken)).Count > 0)
            return (null, Refusal.Conflict($"Message {id} was already replayed with success (it is resolved); a resolved message is never replayed again."));
        var letter = await store.DeadLetters.DeadLetterEnvelopeByIdAsync(id);
        if (letter is null) return (null, Refusal.NotFound($"No failed message {id}: it may have been discarded or removed by retention."));
        if (letter.ArchivedAt is not null)
            return (null, Refusal.Conflict($"Message {id} is archived: unarchive it (POST /api/v1/admin/failed-messages/{id}/unarchive), then replay it."));
        if (letter.Replayable || (await ledger.PendingAmongAsync([id], cancellationToken)).Count > 0)
            return (null, Refusal.Conflict($"A replay of message {id} is still outstanding; wait for its outcome (GET /api/v1/admin/failed-messages/{id})."));
        if (!force && letter.ReplayCount >= options.Value.MaxReplaysPerMessage)
            return (null, Refusal.Conflict($"Message {id} was replayed {letter.ReplayCount} times and failed each time: fix the cause, then replay it with \"force\": true."));
        var operation = await AcceptAsync(new ReplaySelection { Ids = [id] }, [id], actor, force, cancellationToken);
        return (operation, null);
    }

    /// <summary>Replays a selection (ids, a group or a filter) as an asynchronous operation.</summary>
    public async Task<(ReplayOperationView? Operation, Refusal? Refusal)> ReplayAsync(ReplaySelection selection, string actor, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var given = (selection.Ids is not null ? 1 : 0) + (selection.Group is not null ? 1 : 0) + (selection.Filter is not null ? 1 : 0);
        if (given != 1)
            return (null, Refusal.Invalid("body", "Name exactly one of \"ids\" (a list of message ids), \"group\" (a group key) or \"filter\" (an object of criteria)."));
        List<Guid> ids;
        if (selection.Ids is { } named)
        {
            if (named.Count == 0) return (null, Refusal.Invalid("ids", "\"ids\" is empty: name at least one message id."));
            if (named.Count > MaxIds) return (null, Refusal.Invalid("ids", $"\"ids\" names {named.Count} messages; at most {MaxIds} per request. Replay by group or filter instead."));
            ids = [.. named.Distinct()];
        }
        else
        {
            var filter = selection.Group is { } group ? new FailedMessageFilter { Group = group } : selection.Filter!;
            var letters = await store.SelectAsync(filter, DeadLetterArchiveFilter.Exclude, cancellationToken);
            ids = [.. letters.Where(l => !l.Replayable).Select(l => l.Id).Distinct()];
            if (ids.Count == 0)
                return (null, Refusal.NotFound(selection.Group is not null
                    ? $"Group '{selection.Group}' has no failed messages waiting (they may be archived, resolved or being replayed)."
                    : "No failed messages match the filter (archived, resolved and already-replaying messages are never selected)."));
        }
        return (await AcceptAsync(selection, ids, actor, force, cancellationToken), null);
    }

    private async Task<ReplayOperationView> AcceptAsync(ReplaySelection selection, IReadOnlyList<Guid> ids, string actor, bool force, CancellationToken cancellationToken)
    {
        var described = JsonSerializer.Serialize(selection, HubJson.Options);
        var id = await operations.CreateAsync(described, ids, actor, force, options.Value.ReplayBatchSize, time.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(actor, AuditAction.Replay, described, ids.Count, id, force ? "force" : null, cancellationToken);
        signal.Wake();
        return (await operations.GetAsync(id, cancellationToken))!;
    }
}

using Lsb.Hub.FailedMessages.Store;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>
/// Finds out how outstanding replays ended, from Wolverine's own tables, so the answer survives restarts and holds
/// whichever node handled the message:
/// back in the dead-letter table with a higher replay count → failed again;
/// gone from the dead-letter table and not waiting in the inbox → handled, so resolved;
/// anything else → still on its way.
/// A replay recorded but never marked in Wolverine (the node died in between) is marked again after a grace period.
/// </summary>
public sealed class ReplayOutcomeTracker(
    ReplayLedger ledger,
    FailedMessageStore store,
    WolverineInbox inbox,
    ResolvedMessages resolved,
    OperationStore operations,
    TimeProvider time,
    ILogger<ReplayOutcomeTracker> logger)
{
    /// <summary>How long a recorded replay may stay unmarked in Wolverine before it is marked again.</summary>
    public static readonly TimeSpan MarkGrace = TimeSpan.FromSeconds(30);

    /// <summary>Settles what can be settled (of one operation, or of all); answers how many are still outstanding.</summary>
    public async Task<int> SettleAsync(string? operationId, CancellationToken cancellationToken)
    {
        var outstanding = 0;
        var pending = await ledger.PendingAsync(operationId, 100_000, cancellationToken);
        foreach (var chunk in pending.Chunk(1000))
            outstanding += await SettleChunkAsync(chunk, cancellationToken);
        return outstanding;
    }

    private async Task<int> SettleChunkAsync(PendingReplay[] chunk, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = chunk.Select(p => p.MessageGuid).ToList();
        var letters = await store.FindAsync(ids, cancellationToken);
        var missing = ids.Where(id => !letters.ContainsKey(id)).ToList();
        var waiting = await inbox.StillWaitingAsync(missing, cancellationToken);
        // Read the dead letters again after the inbox: a message that failed between the two reads is then seen
        // in the dead-letter table rather than taken for handled.
        var lateLetters = missing.Count == waiting.Count ? new Dictionary<Guid, Wolverine.Persistence.Durability.DeadLetterEnvelope>()
            : await store.FindAsync([.. missing.Where(id => !waiting.Contains(id))], cancellationToken);

        var settled = new List<(string ReplayId, string Outcome)>();
        var items = new List<(string OperationId, Guid MessageId, string State)>();
        var resolvedRows = new List<ResolvedRow>();
        var remark = new List<Guid>();
        var outstanding = 0;
        foreach (var replay in chunk)
        {
            var id = replay.MessageGuid;
            var letter = letters.GetValueOrDefault(id) ?? lateLetters.GetValueOrDefault(id);
            if (letter is not null)
            {
                if (letter.ReplayCount > replay.ReplayCountBefore && !letter.Replayable)
                {
                    settled.Add((replay.Id, ReplayOutcome.FailedAgain));
                    items.Add((replay.OperationId, id, ItemState.FailedAgain));
                    continue;
                }
                if (!letter.Replayable && letter.ArchivedAt is null && now - IsoTime.Parse(replay.RequestedAt) > MarkGrace) remark.Add(id);
                outstanding++;
                continue;
            }
            if (waiting.Contains(id))
            {
                outstanding++;
                continue;
            }
            settled.Add((replay.Id, ReplayOutcome.Succeeded));
            items.Add((replay.OperationId, id, ItemState.Succeeded));
            resolvedRows.Add(ReplaySnapshot.Resolve(replay.Snapshot, replay, now));
        }

        await resolved.AddAsync(resolvedRows, cancellationToken);
        await ledger.SettleAsync(settled, now, cancellationToken);
        foreach (var byOperation in items.GroupBy(i => i.OperationId))
            await operations.MarkAsync(byOperation.Key, byOperation.Select(i => (i.MessageId, i.State, (string?)null)), cancellationToken);
        if (remark.Count > 0)
        {
            logger.LogWarning("{Count} recorded replays were never marked in the dead-letter store (a node stopped in between); marking them again", remark.Count);
            await store.DeadLetters.ReplayMatchingAsync(new DeadLetterEnvelopeQuery { MessageIds = [.. remark], Archived = DeadLetterArchiveFilter.Exclude }, cancellationToken);
        }
        return outstanding;
    }
}

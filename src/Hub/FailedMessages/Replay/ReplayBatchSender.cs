using Lsb.Hub.FailedMessages.Store;
using Microsoft.Extensions.Options;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.FailedMessages.Replay;

/// <summary>
/// Puts one batch of an operation back on the bus: checks each message (resolved messages, archived ones, ones
/// with a replay outstanding and ones replayed too often are skipped with a reason), records one pending replay per
/// message (the database refuses a second), and only then asks Wolverine to replay exactly those messages.
/// </summary>
public sealed class ReplayBatchSender(
    FailedMessageStore store,
    ResolvedMessages resolved,
    ReplayLedger ledger,
    OperationStore operations,
    IOptions<FailedMessagesOptions> options,
    TimeProvider time,
    ILogger<ReplayBatchSender> logger)
{
    /// <summary>Sends <paramref name="batch"/> of <paramref name="operation"/>; answers how many were sent.</summary>
    public async Task<int> SendAsync(OperationRow operation, IReadOnlyList<Guid> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(batch);
        var letters = await store.FindAsync(batch, cancellationToken);
        var done = await resolved.ResolvedAmongAsync(batch, cancellationToken);
        var skipped = new List<(Guid, string, string?)>();
        var candidates = new List<(Guid, int, string)>();
        foreach (var id in batch)
        {
            var reason = done.Contains(id) ? SkipReason.AlreadySucceeded
                : !letters.TryGetValue(id, out var letter) ? SkipReason.Gone
                : letter.ArchivedAt is not null ? SkipReason.Archived
                : letter.Replayable ? SkipReason.Outstanding
                : !operation.Force && letter.ReplayCount >= options.Value.MaxReplaysPerMessage ? SkipReason.TooManyReplays(letter.ReplayCount)
                : null;
            if (reason is null) candidates.Add((id, letters[id].ReplayCount, ReplaySnapshot.Take(letters[id])));
            else skipped.Add((id, ItemState.Skipped, reason));
        }
        var begun = await ledger.BeginAsync(candidates, operation.Id, operation.RequestedBy, time.GetUtcNow(), cancellationToken);
        skipped.AddRange(candidates.Where(c => !begun.Contains(c.Item1)).Select(c => (c.Item1, ItemState.Skipped, (string?)SkipReason.Outstanding)));
        if (begun.Count > 0)
        {
            var marked = await store.DeadLetters.ReplayMatchingAsync(
                new DeadLetterEnvelopeQuery { MessageIds = [.. begun], Archived = DeadLetterArchiveFilter.Exclude }, cancellationToken);
            if (marked.Affected is { } affected && affected != begun.Count)
            {
                // Discarded or archived between the check and the mark: those replays never happened.
                var now = await store.FindAsync(begun, cancellationToken);
                var vanished = begun.Where(id => !now.TryGetValue(id, out var l) || !l.Replayable).ToList();
                logger.LogWarning("Replay operation {OperationId}: {Vanished} of {Begun} messages changed before they could be marked for replay and are skipped",
                    operation.Id, vanished.Count, begun.Count);
                var pending = await ledger.PendingAsync(operation.Id, 100_000, cancellationToken);
                var vanishedSet = vanished.ToHashSet();
                await ledger.SettleAsync([.. pending.Where(p => vanishedSet.Contains(p.MessageGuid)).Select(p => (p.Id, ReplayOutcome.Vanished))], time.GetUtcNow(), cancellationToken);
                skipped.AddRange(vanished.Select(id => (id, ItemState.Skipped, (string?)SkipReason.Gone)));
                begun = begun.Where(id => !vanishedSet.Contains(id)).ToHashSet();
            }
        }
        await operations.MarkAsync(operation.Id, [.. skipped, .. begun.Select(id => (id, ItemState.Sent, (string?)null))], cancellationToken);
        return begun.Count;
    }
}

using Dapper;
using Lsb.Hub.FailedMessages.Audit;
using Lsb.Hub.FailedMessages.Store;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Lsb.Hub.FailedMessages.Retention;

/// <summary>
/// Removes archived messages older than <see cref="FailedMessagesOptions.RetainArchivedFor"/> (counted from when they
/// were archived), resolved records older than <see cref="FailedMessagesOptions.RetainResolvedFor"/> (from when they
/// were resolved), and finished replay operations as old as that. Failed messages that nobody archived are NEVER
/// removed by retention: they wait for an administrator. Every removal is audited as <c>system:retention</c>.
/// </summary>
public sealed class FailedMessageRetention(
    FailedMessageStore store,
    ResolvedMessages resolved,
    HubDatabase database,
    AuditTrail audit,
    IOptions<FailedMessagesOptions> options)
{
    /// <summary>The actor retention is audited as.</summary>
    public const string Actor = "system:retention";

    /// <summary>Runs retention as of <paramref name="now"/>.</summary>
    public async Task<RetentionOutcome> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var archivedCutoff = now - settings.RetainArchivedFor;
        var archived = await store.SelectAsync(new FailedMessageFilter(), DeadLetterArchiveFilter.Only, cancellationToken);
        var expired = archived.Where(a => a.ArchivedAt is { } at && at < archivedCutoff).Select(a => a.Id).ToList();
        var archivedRemoved = 0;
        foreach (var chunk in expired.Chunk(1000))
        {
            var result = await store.DeadLetters.DiscardMatchingAsync(
                new DeadLetterEnvelopeQuery { MessageIds = chunk, Archived = DeadLetterArchiveFilter.Only, PageSize = 0 }, cancellationToken);
            archivedRemoved += result.Affected ?? 0;
        }
        var resolvedCutoff = now - settings.RetainResolvedFor;
        var resolvedRemoved = await resolved.DeleteResolvedBeforeAsync(resolvedCutoff, cancellationToken);
        var operationsRemoved = await DeleteFinishedOperationsAsync(resolvedCutoff, cancellationToken);
        if (archivedRemoved > 0)
            await audit.RecordAsync(Actor, AuditAction.Retention, $"archived before {IsoTime.Format(archivedCutoff)}", archivedRemoved, null,
                $"archived messages kept {settings.RetainArchivedFor.TotalDays:0.##} days", cancellationToken);
        if (resolvedRemoved > 0)
            await audit.RecordAsync(Actor, AuditAction.Retention, $"resolved before {IsoTime.Format(resolvedCutoff)}", resolvedRemoved, null,
                $"resolved messages kept {settings.RetainResolvedFor.TotalDays:0.##} days", cancellationToken);
        return new RetentionOutcome(archivedRemoved, resolvedRemoved, operationsRemoved);
    }

    private async Task<int> DeleteFinishedOperationsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var args = new { cutoff = IsoTime.Format(cutoff) };
        const string finished = "SELECT id FROM failed_message_operations WHERE status IN ('Completed', 'Stopped', 'Cancelled') AND finished_at < @cutoff " +
            "AND NOT EXISTS (SELECT 1 FROM failed_message_replays r WHERE r.operation_id = failed_message_operations.id AND r.outcome = 'Pending')";
        await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM failed_message_operation_items WHERE operation_id IN ({finished})", args, tx, cancellationToken: cancellationToken));
        var removed = await connection.ExecuteAsync(new CommandDefinition($"DELETE FROM failed_message_operations WHERE id IN ({finished})", args, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return removed;
    }
}

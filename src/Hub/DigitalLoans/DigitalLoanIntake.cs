using System.Globalization;
using System.Text.Json;
using Lsb.Hub.CustomerView;
using Lsb.Hub.EventLog;
using Lsb.Hub.Privacy;
using Lsb.Hub.Storage;

namespace Lsb.Hub.DigitalLoans;

/// <summary>
/// Takes a batch of e-book loan events from the KB platform. Every event is answered on its own: accepted (applied or
/// kept waiting), duplicate (its event id was accepted before with the same content: nothing changes, so a batch sent
/// twice changes nothing) or rejected with its reasons (nothing is stored for it). All accepted events, the loans they
/// change and their canonical events commit in ONE transaction with the log.
/// </summary>
public sealed class DigitalLoanIntake(HubDatabase database, PrivacyKeys keys, TimeProvider time, EventLogSignal signal)
{
    /// <summary>Takes the events of <paramref name="batch"/> (a JSON array).</summary>
    public async Task<DigitalLoanBatchResult> AcceptAsync(JsonElement batch, string? correlationId, CancellationToken cancellationToken)
    {
        var matchKeys = new MatchKeys(await keys.ForAsync(PrivacyPurpose.DigitalLoanMatch, cancellationToken));
        var count = batch.GetArrayLength();
        var outcomes = new EventOutcome?[count];
        var fresh = new List<(int Index, IntakeEvent Event)>(count);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in batch.EnumerateArray())
        {
            var e = DigitalLoanEventReader.Read(element, matchKeys, out var reasons);
            if (e is null)
                outcomes[index] = new EventOutcome(index, DigitalLoanEventReader.EventIdOf(element), EventOutcomeKind.Rejected, null, reasons);
            else if (seen.TryGetValue(e.EventId, out var hash))
                outcomes[index] = hash == e.ContentHash
                    ? new EventOutcome(index, e.EventId, EventOutcomeKind.Duplicate, null, null)
                    : new EventOutcome(index, e.EventId, EventOutcomeKind.Rejected, null,
                        [$"eventId '{e.EventId}' appears earlier in this batch with other content: an event id names one fact; give this one its own id."]);
            else
            {
                seen[e.EventId] = e.ContentHash;
                fresh.Add((index, e));
            }
            index++;
        }

        if (fresh.Count > 0)
        {
            var now = time.GetUtcNow();
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
            await LogHeadLock.TakeAsync(connection, transaction, database.Dialect, cancellationToken);
            var known = await KnownAsync(connection, transaction, [.. seen.Keys], cancellationToken);
            var accepted = new List<(int Index, IntakeEvent Event)>(fresh.Count);
            foreach (var (i, e) in fresh)
            {
                if (!known.TryGetValue(e.EventId, out var storedHash)) accepted.Add((i, e));
                else if (storedHash == e.ContentHash) outcomes[i] = new EventOutcome(i, e.EventId, EventOutcomeKind.Duplicate, null, null);
                else outcomes[i] = new EventOutcome(i, e.EventId, EventOutcomeKind.Rejected, null,
                    [$"eventId '{e.EventId}' was accepted before with other content: an event id names one fact; send a correction as a new event with its own id."]);
            }
            if (accepted.Count > 0)
            {
                var news = accepted.Select(a => a.Event).ToList();
                var loanKeys = news.Select(e => e.LoanKey).ToHashSet(StringComparer.Ordinal);
                var loans = await DigitalLoanStore.LoadLoansAsync(connection, transaction, database.Dialect, loanKeys, cancellationToken);
                // A loan the hub holds already names its member: look members up only for the events of new loans.
                await MemberResolver.ResolveAsync(connection, transaction, database.Dialect, [.. news.Where(e => !loans.ContainsKey(e.LoanKey))], cancellationToken);
                var waiting = await WaitingEvents.ByAsync(connection, transaction, database.Dialect, "loan_key", loanKeys, cancellationToken);
                var events = await DigitalLoanProcessor.ProcessAsync(connection, transaction, database.Dialect, [.. waiting, .. news], now, cancellationToken, loans);
                var last = await EventLogWriter.AppendAsync(connection, transaction, events, correlationId, now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                if (last > 0) signal.Notify(last);
                foreach (var (i, e) in accepted) outcomes[i] = new EventOutcome(i, e.EventId, EventOutcomeKind.Accepted, e.State, null);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        var results = outcomes.Select(o => o!).ToList();
        return new DigitalLoanBatchResult(
            results.Count(r => r.Outcome == EventOutcomeKind.Accepted),
            results.Count(r => r.Outcome == EventOutcomeKind.Duplicate),
            results.Count(r => r.Outcome == EventOutcomeKind.Rejected),
            results);
    }

    private async Task<Dictionary<string, long>> KnownAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction,
        IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = SqlCommands.Create(connection, transaction,
            "SELECT event_id, content_hash FROM digital_loan_events WHERE " + database.Dialect.InList("event_id", "@ids"));
        database.Dialect.AddList(command, "@ids", eventIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            known[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        return known;
    }
}

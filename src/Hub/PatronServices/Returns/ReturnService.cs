using System.Data.Common;
using System.Globalization;
using Dapper;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.EventLog;
using Lsb.Hub.Installations;
using Lsb.Hub.PatronServices.GuestLending;
using Lsb.Hub.Storage;

namespace Lsb.Hub.PatronServices.Returns;

/// <summary>
/// Return anywhere: a copy handed in at any library is found by its barcode across the union holdings
/// (<see cref="BarcodeResolution"/>), checked in at the OWNING installation through its adapter, its hub-recorded guest
/// loan is ended canonically, and it is in transit to its own library until the owner confirms receipt. The one path of
/// <c>POST /api/v1/returns</c> and of a return the returning library's own system reports (<see cref="ForeignReturns"/>).
/// </summary>
public sealed class ReturnService(InstallationStore installations, UnionHoldings holdings, IlsCalls ils, HubDatabase database, EventLogSignal signal,
    TimeProvider time, ILogger<ReturnService> logger)
{
    /// <summary>Handles a copy handed in. Nothing changes unless the owner checked it in (or needs a person to). A hand-in with a
    /// <see cref="CopyHandIn.Report"/> MUST change things once per report: a repeat is <see cref="HandInResult.AlreadyHandled"/>.</summary>
    public async Task<HandInOutcome> HandInAsync(CopyHandIn handIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handIn);
        var returningIsil = handIn.ReturningIsil;
        if (handIn.Report is { } seen && await HandledAsync(seen, cancellationToken))
            return new HandInOutcome(HandInResult.AlreadyHandled, $"Report {seen.SourceEventId} of '{seen.InstallationId}' was handled before.");
        if (await installations.FindLibraryAsync(returningIsil, cancellationToken) is not { } returning)
            return new HandInOutcome(HandInResult.LibraryUnknown,
                $"Library {returningIsil} is not registered with the hub: register its installation first, or correct the ISIL.");
        var barcode = handIn.Barcode.Trim();
        // The returning system said it does not know the barcode: its own copies are not meant.
        var all = (await holdings.FindAsync(barcode, cancellationToken))
            .Where(c => handIn.OwningIsil is null || CustomerView.LibraryOrganisation.Same(c.Isil, handIn.OwningIsil))
            .Where(c => handIn.Report is null || c.InstallationId != handIn.Report.InstallationId).ToList();
        var (copy, candidates) = BarcodeResolution.Resolve(all, returning.Installation.Id, returning.Installation.OwningPoi);
        if (copy is null && candidates.Count == 0)
            return new HandInOutcome(HandInResult.BarcodeUnknown, $"No copy with barcode '{barcode}'{(handIn.OwningIsil is null ? "" : $" of {handIn.OwningIsil}")} " +
                "is known to the hub. Check the barcode; send the copy to the library printed on it if it is not in the union holdings.");
        if (copy is null)
        {
            logger.LogWarning("Return of barcode {Barcode} at {ReturningIsil} is ambiguous: {Count} copies", barcode, returningIsil, candidates.Count);
            return new HandInOutcome(HandInResult.Ambiguous, $"Barcode '{barcode}' names {candidates.Count} copies of different libraries and none is nearest to " +
                $"{returningIsil}: {string.Join(", ", candidates.Select(c => $"{c.HoldingId} of {c.Isil} ({c.InstallationId})"))}. Look at the copy's label " +
                "and return it with the owning library as owningIsil; nothing was changed.", Candidates: candidates);
        }

        var returnId = "ret-" + Uuid7.New().ToString("N");
        var asked = time.GetUtcNow();
        var result = await ils.ExecuteAsync(copy.InstallationId, new CheckIn
        {
            IdempotencyKey = returnId, Isil = Isil.Parse(copy.Isil), Item = new ItemRef(HoldingId.Parse(copy.HoldingId), copy.LocalId, copy.Barcode),
        }, cancellationToken);
        logger.LogInformation("Return of {HoldingId} at {ReturningIsil}: check-in at {Installation} {Outcome} {Reason}", copy.HoldingId, returningIsil,
            copy.InstallationId, result.Outcome, result.Reason);
        string checkIn;
        switch (result.Outcome)
        {
            case CommandOutcome.Succeeded: checkIn = "CheckedIn"; break;
            case CommandOutcome.AlreadyDone: checkIn = "AlreadyCheckedIn"; break;
            case CommandOutcome.NotSupported or CommandOutcome.ManualActionRequired: checkIn = "ManualActionRequired"; break;
            case CommandOutcome.Transient:
                return new HandInOutcome(HandInResult.OwnerUnavailable,
                    $"The owning library system ('{copy.InstallationId}') is unavailable: {result.Message} Nothing was changed; keep the copy and try again.",
                    RetryAfter: result.RetryAfter ?? TimeSpan.FromSeconds(30));
            case CommandOutcome.Unknown:
                return new HandInOutcome(HandInResult.OwnerOutcomeUnknown,
                    $"The owning system ('{copy.InstallationId}') did not confirm the check-in; it may have happened. Return the copy again: a repeat is safe.");
            default:
                return result.Reason == RejectionReason.ItemUnknown
                    ? new HandInOutcome(HandInResult.CopyUnknownAtOwner,
                        $"The owning library system ('{copy.InstallationId}') does not know copy '{barcode}' any more. Send the copy to {copy.Isil} with a note.")
                    : new HandInOutcome(HandInResult.OwnerRefused, $"The owning library system ('{copy.InstallationId}') refused the check-in: {result.Message} Nothing was changed.");
        }

        var now = time.GetUtcNow();
        var state = string.Equals(copy.Isil, returningIsil.Value, StringComparison.OrdinalIgnoreCase) ? ReturnStates.AtHome : ReturnStates.InTransit;
        IReadOnlyList<string> ended;
        long position;
        string? id = null;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken))
        {
            (_, position) = await GuestLoanStore.EndOpenAsync(connection, transaction, copy.HoldingId, now, handIn.CorrelationId, cancellationToken);
            // Ingest may have ended the guest loan already, from the owner's own report of this check-in.
            ended = await GuestLoanStore.EndedSinceAsync(connection, transaction, copy.HoldingId, asked, cancellationToken);
            if (state == ReturnStates.InTransit)
            {
                // A copy handed in twice before it reached home stays one transit.
                id = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                    "SELECT id FROM copy_returns WHERE holding_id = @holding AND state = @state", new { holding = copy.HoldingId, state }, transaction,
                    cancellationToken: cancellationToken));
                if (id is null)
                {
                    id = returnId;
                    await connection.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO copy_returns (id, holding_id, owning_isil, returning_isil, owner_check_in, state, returned_at, returned_by) " +
                        "VALUES (@id, @holding, @owner, @returning, @checkIn, @state, @at, @by)",
                        new { id, holding = copy.HoldingId, owner = copy.Isil, returning = returningIsil.Value, checkIn, state, at = Iso(now), by = handIn.ReturnedBy },
                        transaction, cancellationToken: cancellationToken));
                }
            }
            // A second node handling the same report at the same moment fails here on the key and, retried, finds it handled.
            if (handIn.Report is { } report) await RecordHandledAsync(connection, transaction, report, copy.HoldingId, id, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (position > 0) signal.Notify(position);
        var view = id is not null && id != returnId
            ? await ReturnViews.GetAsync(database, id, cancellationToken)
            : new CopyReturnView(id, copy.HoldingId, copy.Barcode, copy.Isil, returningIsil.Value, checkIn, ended, state, now, null);
        return new HandInOutcome(HandInResult.Returned, "", view);
    }

    private async Task<bool> HandledAsync(ForeignReturnReport report, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT holding_id FROM foreign_returns WHERE installation_id = @InstallationId AND source_event_id = @SourceEventId", report,
            cancellationToken: cancellationToken)) is not null;
    }

    private static Task RecordHandledAsync(DbConnection connection, DbTransaction transaction, ForeignReturnReport report, string holdingId, string? returnId,
        DateTimeOffset now, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO foreign_returns (installation_id, source_event_id, holding_id, return_id, handled_at) VALUES (@installation, @source, @holdingId, @returnId, @at)",
            new { installation = report.InstallationId, source = report.SourceEventId, holdingId, returnId, at = Iso(now) }, transaction,
            cancellationToken: cancellationToken));

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

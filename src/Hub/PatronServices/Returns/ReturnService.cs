using System.Globalization;
using System.Security.Claims;
using Dapper;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.EventLog;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Installations;
using Lsb.Hub.PatronServices.GuestLending;
using Lsb.Hub.Storage;

namespace Lsb.Hub.PatronServices.Returns;

/// <summary>
/// Return anywhere: a copy handed in at any library is found by its barcode across the union holdings
/// (<see cref="BarcodeResolution"/>), checked in at the OWNING installation through its adapter, its hub-recorded guest
/// loan is ended canonically, and it is in transit to its own library until the owner confirms receipt.
/// </summary>
public sealed class ReturnService(InstallationStore installations, UnionHoldings holdings, IlsCalls ils, HubDatabase database, EventLogSignal signal,
    TimeProvider time, ILogger<ReturnService> logger)
{
    /// <summary>Handles a copy handed in at <paramref name="returningIsil"/>. Nothing changes unless the owner checked it in.</summary>
    public async Task<IResult> ReturnAsync(ReturnRequest body, Isil returningIsil, ClaimsPrincipal user, HttpResponse response, string? correlationId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(response);
        if (await installations.FindLibraryAsync(returningIsil, cancellationToken) is not { } returning)
            return Problems.Invalid("returningIsil", $"Library {returningIsil} is not registered with the hub: register its installation first, or correct the ISIL.");
        var barcode = body.Barcode!.Trim();
        var all = (await holdings.FindAsync(barcode, cancellationToken))
            .Where(c => body.OwningIsil is null || CustomerView.LibraryOrganisation.Same(c.Isil, body.OwningIsil)).ToList();
        var (copy, candidates) = BarcodeResolution.Resolve(all, returning.Installation.Id, returning.Installation.OwningPoi);
        if (copy is null && candidates.Count == 0)
            return Problems.NotFound($"No copy with barcode '{barcode}'{(body.OwningIsil is null ? "" : $" of {body.OwningIsil}")} is known to the hub. " +
                "Check the barcode; send the copy to the library printed on it if it is not in the union holdings.");
        if (copy is null)
        {
            logger.LogWarning("Return of barcode {Barcode} at {ReturningIsil} is ambiguous: {Count} copies", barcode, returningIsil, candidates.Count);
            return Results.Problem(statusCode: 409, title: "Barcode used by several libraries",
                detail: $"Barcode '{barcode}' names {candidates.Count} copies of different libraries and none is nearest to {returningIsil}. Look at the copy's " +
                    "label and send the owning library as owningIsil; nothing was changed.",
                extensions: new Dictionary<string, object?>
                {
                    ["candidates"] = candidates.Select(c => new { holdingId = c.HoldingId, isil = c.Isil, installation = c.InstallationId, title = c.Title }).ToList(),
                });
        }

        var returnId = "ret-" + Guid.CreateVersion7().ToString("N");
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
                PatronProblems.SetRetryAfter(response, result.RetryAfter ?? TimeSpan.FromSeconds(30));
                return Results.Problem(statusCode: 503, title: "Owning library system unavailable", detail: $"{result.Message} Nothing was changed; keep the copy and try again.");
            case CommandOutcome.Unknown:
                return Results.Problem(statusCode: 502, title: "Check-in outcome unknown",
                    detail: $"The owning system ('{copy.InstallationId}') did not confirm the check-in; it may have happened. Return the copy again: a repeat is safe.");
            default:
                return result.Reason == RejectionReason.ItemUnknown
                    ? Problems.Conflict($"The owning library system ('{copy.InstallationId}') does not know copy '{barcode}' any more. Send the copy to {copy.Isil} with a note.")
                    : Results.Problem(statusCode: 502, title: "Owning library system refused the check-in", detail: $"{result.Message} Nothing was changed.");
        }

        var now = time.GetUtcNow();
        var state = string.Equals(copy.Isil, returningIsil.Value, StringComparison.OrdinalIgnoreCase) ? ReturnStates.AtHome : ReturnStates.InTransit;
        IReadOnlyList<string> ended;
        long position;
        string? id = null;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken))
        {
            (_, position) = await GuestLoanStore.EndOpenAsync(connection, transaction, copy.HoldingId, now, correlationId, cancellationToken);
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
                        new { id, holding = copy.HoldingId, owner = copy.Isil, returning = returningIsil.Value, checkIn, state, at = Iso(now), by = user.KeyName() },
                        transaction, cancellationToken: cancellationToken));
                }
            }
            await transaction.CommitAsync(cancellationToken);
        }
        if (position > 0) signal.Notify(position);
        if (id is not null && id != returnId) return Results.Ok(await ReturnViews.GetAsync(database, id, cancellationToken));
        return Results.Ok(new CopyReturnView(id, copy.HoldingId, copy.Barcode, copy.Isil, returningIsil.Value, checkIn, ended,
            state, now, null));
    }

    private static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Ingest;

namespace Lsb.Hub.PatronServices.Returns;

/// <summary>
/// A return the returning library's own system reported (<see cref="ForeignCopyReturned"/>), through the same
/// <see cref="ReturnService.HandInAsync"/> as <c>POST /api/v1/returns</c>. What did not happen is thrown: an owner that
/// could not be reached or did not confirm is retried, anything else goes to the failed-message store with the reason
/// (<see cref="ForeignReturnException"/>).
/// </summary>
public sealed class ForeignReturns(ReturnService returns, ILogger<ForeignReturns> logger) : IForeignCopyReturns
{
    /// <inheritdoc />
    public async Task ReturnAsync(string installationId, ForeignCopyReturned change, string? correlationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var outcome = await returns.HandInAsync(new CopyHandIn(change.Barcode, change.ReturningIsil, null, $"desk:{installationId}", correlationId,
            new ForeignReturnReport(installationId, change.SourceEventId)), cancellationToken);
        var what = $"Copy '{change.Barcode}' taken in at the desk of {change.ReturningIsil} (installation '{installationId}', report {change.SourceEventId})";
        switch (outcome.Result)
        {
            case HandInResult.Returned:
                logger.LogInformation("{What}: returned at its owner {OwningIsil} ({OwnerCheckIn}), {State}", what, outcome.Return!.OwningIsil,
                    outcome.Return.OwnerCheckIn, outcome.Return.State);
                return;
            case HandInResult.AlreadyHandled:
                logger.LogInformation("{What}: handled before, nothing to do", what);
                return;
            case HandInResult.OwnerUnavailable or HandInResult.OwnerOutcomeUnknown:
                throw new ForeignReturnException($"{what}: {outcome.Message}", ownerUnavailable: true);
            case HandInResult.Ambiguous:
                throw new ForeignReturnException($"{what} could not be returned: {outcome.Message} Return it with POST /api/v1/returns and " +
                    "owningIsil, then delete this message.", ownerUnavailable: false);
            default:
                throw new ForeignReturnException($"{what} could not be returned: {outcome.Message} Replay this message once that is put right.", ownerUnavailable: false);
        }
    }
}

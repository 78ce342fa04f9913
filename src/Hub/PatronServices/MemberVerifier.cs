using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Members;
using Lsb.Hub.CustomerView;
using Lsb.Hub.PatronServices.Authentication;

namespace Lsb.Hub.PatronServices;

/// <summary>
/// Verifies a member against their HOME system through its adapter: with a PIN by <see cref="AuthenticatePatron"/>
/// (SIP2 63 with AD, NCIP LookupUser with AuthenticationInput, Wise patron authentication), without one by
/// <see cref="LookupPatron"/>. The hub never checks a PIN itself and never keeps one. Attempts with a PIN are throttled
/// per card and per client (<see cref="AuthenticationThrottle"/>); an unknown card and a wrong PIN look the same.
/// </summary>
public sealed class MemberVerifier(HomeMemberships memberships, IlsCalls ils, AuthenticationThrottle throttle, TimeProvider time, ILogger<MemberVerifier> logger)
{
    /// <summary>Verifies <paramref name="cardNumber"/> (with <paramref name="pin"/> when given) for <paramref name="client"/>
    /// (an API key name). <paramref name="homeIsil"/>, when given, limits the search to that library organisation.</summary>
    public async Task<Verification> VerifyAsync(string client, string cardNumber, string? pin, string? homeIsil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cardNumber);
        if (pin is not null && await throttle.TryEnterAsync(client, cardNumber, cancellationToken) is { } wait)
        {
            logger.LogWarning("Patron verification for {Client} refused: too many attempts for this card or this key", client);
            return new Verification(VerificationOutcome.Throttled, RetryAfter: wait,
                Message: $"Too many attempts for this card or this API key: try again after {Math.Ceiling(wait.TotalSeconds)} seconds.");
        }
        var found = (await memberships.FindAsync(cardNumber, cancellationToken))
            .Where(m => homeIsil is null || LibraryOrganisation.Same(m.HomeIsil, homeIsil))
            .DistinctBy(m => m.InstallationId, StringComparer.Ordinal).ToList();
        var verdicts = new List<MemberVerdict>();
        Verification? unavailable = null, failed = null;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var membership in found)
        {
            IlsCommand command = pin is null
                ? new LookupPatron { IdempotencyKey = Guid.NewGuid().ToString("N"), Isil = Isil.Parse(membership.HomeIsil),
                    Patron = new PatronRef(MemberId.Parse(membership.MemberId), membership.LocalId, cardNumber.Trim()) }
                : new AuthenticatePatron { IdempotencyKey = Guid.NewGuid().ToString("N"), Isil = Isil.Parse(membership.HomeIsil), CardNumber = cardNumber.Trim(), Pin = pin };
            var result = await ils.ExecuteAsync(membership.InstallationId, command, cancellationToken);
            if (result.IsSuccess && result.Patron is { } standing) verdicts.Add(new MemberVerdict(membership, standing, today));
            else if (result.Outcome == CommandOutcome.Rejected && result.Reason == RejectionReason.PatronBlocked)
                verdicts.Add(new MemberVerdict(membership, new PatronStanding(membership.LocalId ?? "", MemberStatus.Blocked, MemberCategory.Other, false, null), today));
            else if (result.Outcome is CommandOutcome.Transient or CommandOutcome.Unknown)
                unavailable = new Verification(VerificationOutcome.HomeUnavailable, RetryAfter: result.RetryAfter ?? TimeSpan.FromSeconds(30),
                    Message: $"The member's home system (installation '{membership.InstallationId}') did not answer. Try again later.");
            else if (result.Outcome != CommandOutcome.Rejected || result.Reason is not (RejectionReason.InvalidCredentials or RejectionReason.PatronUnknown))
                failed = new Verification(VerificationOutcome.HomeFailed,
                    Message: $"The member's home system (installation '{membership.InstallationId}') could not verify the member ({result.Outcome}, {result.Reason}). " +
                    "Hub operators must look at that installation; nothing was changed.");
            logger.LogInformation("Verified a member at installation {Installation} for {Client}: {Outcome} {Reason}", membership.InstallationId, client, result.Outcome,
                result.Reason);
        }
        if (verdicts.Count == 1)
        {
            if (pin is not null) await throttle.SucceededAsync(cardNumber, cancellationToken);
            return new Verification(VerificationOutcome.Verified, verdicts[0]);
        }
        if (verdicts.Count > 1)
            return new Verification(VerificationOutcome.Ambiguous,
                Message: "This card is valid at more than one library system: send homeIsil, the member's home library, to say which one is meant.");
        if (unavailable is not null) return unavailable;
        if (failed is not null) return failed;
        // Counted even when the caller has gone: dropping the connection must not make a wrong PIN free.
        if (pin is not null) await throttle.FailedAsync(cardNumber, CancellationToken.None);
        return new Verification(VerificationOutcome.NotVerified, Message: "The card number or PIN is not correct, or the card is not known.");
    }
}

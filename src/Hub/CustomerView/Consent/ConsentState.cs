namespace Lsb.Hub.CustomerView.Consent;

/// <summary>A person's effective decision on one purpose.</summary>
/// <param name="Granted">True only for a recorded opt-in; no decision counts as no consent.</param>
/// <param name="DecidedAt">When the deciding decision was made, or null when none was ever recorded.</param>
/// <param name="RecordedThrough">this-membership, another-membership, or null when none was recorded.</param>
/// <param name="Source">The channel (<c>api</c>, <c>ils:{installation}</c>) when recorded through this membership.</param>
/// <param name="RecordedBy">Who recorded it, when recorded through this membership.</param>
public sealed record ConsentState(bool Granted, DateTimeOffset? DecidedAt, string? RecordedThrough, string? Source, string? RecordedBy)
{
    /// <summary>The state for <paramref name="decision"/> as seen from <paramref name="memberId"/>.</summary>
    public static ConsentState Of(ConsentDecision? decision, string memberId)
    {
        if (decision is null) return new ConsentState(false, null, null, null, null);
        var own = decision.MemberId == memberId;
        return new ConsentState(decision.Granted, decision.DecidedAt, own ? "this-membership" : "another-membership",
            own ? decision.Source : null, own ? decision.RecordedBy : null);
    }
}

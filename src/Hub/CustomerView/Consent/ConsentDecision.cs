namespace Lsb.Hub.CustomerView.Consent;

/// <summary>One recorded decision of a person about one purpose, through one of their memberships.</summary>
/// <param name="MemberId">The membership it was recorded through.</param>
/// <param name="Purpose">A <see cref="ConsentPurpose"/>.</param>
/// <param name="Granted">Opt-in (true) or opt-out (false).</param>
/// <param name="DecidedAt">When the person decided (for the ILS: when the ILS recorded it). The latest decision wins.</param>
/// <param name="RecordedAt">When the hub recorded it.</param>
/// <param name="RecordedBy">Who recorded it: the API key's name, or the installation for decisions from an ILS.</param>
/// <param name="StaffReference">Optional reference to the staff member or form (given by the library, never the member's data).</param>
/// <param name="Source">The channel: <c>api</c>, or <c>ils:{installation}</c>.</param>
public sealed record ConsentDecision(
    string MemberId,
    string Purpose,
    bool Granted,
    DateTimeOffset DecidedAt,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string? StaffReference,
    string Source);

namespace Lsb.Hub.CustomerView.Consent;

/// <summary>One entry of a membership's consent audit trail.</summary>
/// <param name="Purpose">integral-view or keep-loan-history.</param>
/// <param name="Granted">Opt-in or opt-out.</param>
/// <param name="DecidedAt">When the person decided.</param>
/// <param name="RecordedAt">When the hub recorded it.</param>
/// <param name="RecordedBy">The API key's name, or the installation.</param>
/// <param name="StaffReference">The library's reference, if given.</param>
/// <param name="Source">api or ils:{installation}.</param>
public sealed record ConsentTrailEntry(string Purpose, bool Granted, DateTimeOffset DecidedAt, DateTimeOffset RecordedAt, string RecordedBy,
    string? StaffReference, string Source);

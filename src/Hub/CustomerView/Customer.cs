namespace Lsb.Hub.CustomerView;

/// <summary>A membership as the customer view, consent and erasure endpoints look it up.</summary>
/// <param name="MemberId">The canonical member id.</param>
/// <param name="HomeIsil">The home library.</param>
/// <param name="InstallationId">The installation it came from.</param>
/// <param name="Removed">Removed at the source.</param>
/// <param name="Erased">Erased on request (a tombstone).</param>
/// <param name="PersonId">The person it is linked to, or null when it is not linked yet.</param>
public sealed record Customer(string MemberId, string HomeIsil, string? InstallationId, bool Removed, bool Erased, string? PersonId);

namespace Lsb.Hub.PatronServices;

/// <summary>A membership the hub knows for a card number: the member, their home library and installation, and their
/// id in that installation.</summary>
/// <param name="MemberId">Canonical member id.</param>
/// <param name="HomeIsil">The member's home library.</param>
/// <param name="InstallationId">The installation that holds the member.</param>
/// <param name="LocalId">The member's id in that installation, when the id map has it.</param>
public sealed record HomeMembership(string MemberId, string HomeIsil, string InstallationId, string? LocalId);

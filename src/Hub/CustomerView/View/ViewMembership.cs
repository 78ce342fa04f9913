namespace Lsb.Hub.CustomerView.View;

/// <summary>A membership of the person, shown only in an integral view.</summary>
/// <param name="MemberId">Canonical member id.</param>
/// <param name="HomeIsil">Home library.</param>
/// <param name="LibraryName">Its name, when registered.</param>
/// <param name="InstallationId">The ILS installation.</param>
/// <param name="LinkedBy">Why it belongs to the person: own, national-user-id or card-number.</param>
/// <param name="Removed">Removed at its library.</param>
public sealed record ViewMembership(string MemberId, string HomeIsil, string? LibraryName, string? InstallationId, string LinkedBy, bool Removed);

using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Process;
using Lsb.Hub.Installations;

namespace Lsb.Hub.Ibl.Api;

/// <summary>
/// Who may see and act on a request: admin keys; keys of the requesting library (<c>library:{isil}</c>, a branch's key
/// counting for its library) and of the POI running its installation; likewise for the current lender, and — read
/// only — for lenders asked before. Lenders NEVER see the member's id (only the pseudonym).
/// </summary>
public sealed class IblAccess(InstallationStore installations)
{
    /// <summary>The roles <paramref name="user"/> has for <paramref name="c"/>.</summary>
    public async Task<IblRoles> RolesAsync(ClaimsPrincipal user, IblCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var roles = IblRoles.None;
        if (user.IsAdmin()) roles |= IblRoles.Admin;
        if (await MayActForAsync(user, c.Request.RequestingAgency, null, cancellationToken)) roles |= IblRoles.Borrower;
        if (c.Current is { } current && await MayActForAsync(user, current.Agency, current.InstallationId, cancellationToken)) roles |= IblRoles.Lender;
        foreach (var entry in c.Rota.Where(e => e.Status is not (RotaEntryStatus.Candidate or RotaEntryStatus.Skipped) && e != c.Current))
        {
            if (await MayActForAsync(user, entry.Agency, entry.InstallationId, cancellationToken))
            {
                roles |= IblRoles.FormerLender;
                break;
            }
        }
        return roles;
    }

    /// <summary>True when <paramref name="user"/> acts for library <paramref name="agency"/>: admin, its own (or its library's)
    /// key, or its installation's POI.</summary>
    public async Task<bool> MayActForAsync(ClaimsPrincipal user, string agency, string? installationHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdmin()) return true;
        if (user.Libraries().Any(l => IblLibraries.SameLibrary(l, agency))) return true;
        var pois = user.Pois().ToList();
        if (pois.Count == 0) return false;
        var poi = await PoiOfAsync(agency, installationHint, cancellationToken);
        return poi is not null && pois.Contains(poi, StringComparer.Ordinal);
    }

    private async Task<string?> PoiOfAsync(string agency, string? installationHint, CancellationToken cancellationToken)
    {
        if (Isil.TryParse(agency, out var isil, out _) && await installations.FindLibraryAsync(isil, cancellationToken) is { } found)
            return found.Installation.OwningPoi;
        if (installationHint is not null && await installations.GetAsync(installationHint, cancellationToken) is { } installation)
            return installation.OwningPoi;
        // A branch ISIL: its library (same legal entity) is the registered one.
        foreach (var registered in await installations.ListAsync(cancellationToken))
        {
            if (registered.Descriptor.Libraries.Any(l => IblLibraries.SameLibrary(l.Isil.Value, agency))) return registered.OwningPoi;
        }
        return null;
    }
}

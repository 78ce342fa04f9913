using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Installations;

namespace Lsb.Hub.HoldingsSync.Api;

/// <summary>
/// Who may do what to a library's synchronisation: read its status — anyone who may see the library (admin, the
/// library's own key, the POI running its installation); reconcile, resync or cut a batch — admin or that POI.
/// </summary>
public sealed class SyncAccess(LibraryAccess access, InstallationStore installations)
{
    /// <summary>True when <paramref name="user"/> may read the library's synchronisation status.</summary>
    public Task<bool> MayReadAsync(ClaimsPrincipal user, Isil isil, CancellationToken cancellationToken)
        => access.MaySeeAsync(user, isil.Value, cancellationToken);

    /// <summary>True when <paramref name="user"/> may start work for the library (reconcile, resync, cut).</summary>
    public async Task<bool> MayActAsync(ClaimsPrincipal user, Isil isil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdmin()) return true;
        var pois = user.Pois().ToList();
        if (pois.Count == 0) return false;
        var found = await installations.FindLibraryAsync(isil, cancellationToken);
        return found is { } f && pois.Contains(f.Installation.OwningPoi, StringComparer.Ordinal);
    }
}

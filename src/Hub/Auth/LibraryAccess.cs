using System.Security.Claims;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Installations;

namespace Lsb.Hub.Auth;

/// <summary>
/// Who may see a library's data: an admin key, a key with <c>library:{isil}</c>, or a key of the POI that runs the
/// library's installation.
/// </summary>
public sealed class LibraryAccess(InstallationStore installations)
{
    /// <summary>True when <paramref name="user"/> may read data of the library <paramref name="isil"/>.</summary>
    public async Task<bool> MaySeeAsync(ClaimsPrincipal user, string isil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsAdmin()) return true;
        if (user.Libraries().Contains(isil, StringComparer.OrdinalIgnoreCase)) return true;
        var pois = user.Pois().ToList();
        if (pois.Count == 0 || !Isil.TryParse(isil, out var parsed, out _)) return false;
        var found = await installations.FindLibraryAsync(parsed, cancellationToken);
        return found is { } f && pois.Contains(f.Installation.OwningPoi, StringComparer.Ordinal);
    }
}

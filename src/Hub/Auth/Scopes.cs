using System.Security.Claims;

namespace Lsb.Hub.Auth;

/// <summary>The scopes an API key can carry and how endpoints check them.</summary>
public static class Scopes
{
    /// <summary>The claim type of a scope.</summary>
    public const string ClaimType = "scope";
    /// <summary>Hub administrators: everything.</summary>
    public const string Admin = "admin";
    /// <summary>The KB e-book platform (digital loan intake).</summary>
    public const string EbookPlatform = "ebook-platform";
    /// <summary>The KB data warehouse (pseudonymised feed).</summary>
    public const string Dwh = "dwh";
    /// <summary>Services that authenticate patrons through the hub.</summary>
    public const string PatronAuth = "patron-auth";
    /// <summary>Prefix of a POI scope: <c>poi:{poiId}</c>.</summary>
    public const string PoiPrefix = "poi:";
    /// <summary>Prefix of a library scope: <c>library:{isil}</c>.</summary>
    public const string LibraryPrefix = "library:";

    /// <summary>True when the key has <paramref name="scope"/>.</summary>
    public static bool Has(this ClaimsPrincipal user, string scope)
        => user?.HasClaim(c => c.Type == ClaimType && string.Equals(c.Value, scope, StringComparison.Ordinal)) == true;

    /// <summary>True for an admin key.</summary>
    public static bool IsAdmin(this ClaimsPrincipal user) => user.Has(Admin);

    /// <summary>The POIs the key acts for.</summary>
    public static IEnumerable<string> Pois(this ClaimsPrincipal user)
        => user.FindAll(ClaimType).Select(c => c.Value).Where(v => v.StartsWith(PoiPrefix, StringComparison.Ordinal)).Select(v => v[PoiPrefix.Length..]);

    /// <summary>The libraries (ISILs, upper case) the key acts for.</summary>
    public static IEnumerable<string> Libraries(this ClaimsPrincipal user)
        => user.FindAll(ClaimType).Select(c => c.Value).Where(v => v.StartsWith(LibraryPrefix, StringComparison.Ordinal))
            .Select(v => v[LibraryPrefix.Length..].ToUpperInvariant());

    /// <summary>True when the key is admin or acts for <paramref name="poi"/>.</summary>
    public static bool MayManagePoi(this ClaimsPrincipal user, string poi) => user.IsAdmin() || user.Pois().Contains(poi, StringComparer.Ordinal);

    /// <summary>The key's name, for audit trails.</summary>
    public static string KeyName(this ClaimsPrincipal user) => user?.Identity?.Name ?? "anonymous";
}

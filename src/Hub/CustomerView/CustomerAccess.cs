using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.CustomerView;

/// <summary>
/// Who may act on a customer: an admin key; a key that may see the member's home library (a <c>library:{isil}</c> key
/// of that library, a POI key of its installation); or, for the view, a key acting for the requesting library when
/// the member belongs to that same library organisation. A library key thus sees only its own members.
/// </summary>
public sealed class CustomerAccess(LibraryAccess libraries)
{
    /// <summary>Null when <paramref name="user"/> may act on <paramref name="customer"/>; otherwise the 403 answer.</summary>
    public async Task<IResult?> CheckAsync(ClaimsPrincipal user, Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (await libraries.MaySeeAsync(user, customer.HomeIsil, cancellationToken)) return null;
        return Problems.Forbidden($"Member {customer.MemberId} is a member of library {customer.HomeIsil}; this key may not act for that library.");
    }

    /// <summary>Null when <paramref name="user"/> may ask the view of <paramref name="customer"/> for <paramref name="requesting"/>.</summary>
    public async Task<IResult?> CheckViewAsync(ClaimsPrincipal user, Customer customer, Isil requesting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (!await libraries.MaySeeAsync(user, requesting.Value, cancellationToken))
            return Problems.Forbidden($"This key may not act for library {requesting}: ask with the ISIL of a library the key belongs to (requestingIsil).");
        if (LibraryOrganisation.Same(customer.HomeIsil, requesting.Value)) return null;
        return await CheckAsync(user, customer, cancellationToken);
    }
}

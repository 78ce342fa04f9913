using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.Holdings;

/// <summary>
/// <c>GET /api/v1/holdings?isbn=|ppn=|oclc=</c>: the copies of a title across all libraries and installations — what
/// interlibrary loan looks lenders up in. Holdings are catalogue data, not personal data, so every admin, POI and
/// library key may search across libraries; keys with only service scopes (e-book platform, DWH, patron-auth) may not.
/// </summary>
public static class HoldingSearchEndpoints
{
    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapHoldingSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/holdings", SearchAsync).WithTags("Canonical reads")
            .WithSummary("Copies of a title in every library, by ISBN (10 or 13, hyphens allowed), PPN or OCLC number")
            .Produces<HoldingSearchPage>().ProducesProblem(400).ProducesProblem(403);
        return app;
    }

    /// <summary>True when the key may search holdings across libraries.</summary>
    public static bool MaySearchAcrossLibraries(ClaimsPrincipal user)
        => user.IsAdmin() || user.Pois().Any() || user.Libraries().Any();

    private static async Task<IResult> SearchAsync(string? isbn, string? ppn, string? oclc, bool? iblLendable, bool? available, string? after, int? limit,
        ClaimsPrincipal user, HoldingSearch search, CancellationToken cancellationToken)
    {
        if (!MaySearchAcrossLibraries(user))
            return Problems.Forbidden("Looking up holdings across libraries needs an admin, POI (poi:…) or library (library:…) key.");
        if (string.IsNullOrWhiteSpace(isbn) && string.IsNullOrWhiteSpace(ppn) && string.IsNullOrWhiteSpace(oclc))
            return Problems.Invalid("isbn", "Give at least one of isbn, ppn or oclc, e.g. GET /api/v1/holdings?isbn=978-90-234-6612-3.");
        if (!string.IsNullOrWhiteSpace(isbn) && !Isbn.TryParse(isbn, out _))
            return Problems.Invalid("isbn", $"'{isbn}' is not an ISBN: give its 10 or 13 characters (hyphens and blanks allowed), e.g. 90-234-6612-3 or 9789023466123.");
        if (limit is < 1 or > MaxLimit)
            return Problems.Invalid("limit", $"limit must be between 1 and {MaxLimit}.");
        if (after is not null && !CanonicalId.TryParse<HoldingId>(after, out _))
            return Problems.Invalid("after", $"'{after}' is not a holding id: pass the 'next' of the previous page.");
        var query = HoldingSearchQuery.Of(isbn, ppn, oclc);
        return Results.Ok(await search.FindAsync(query, iblLendable, available, after, limit ?? 100, cancellationToken));
    }
}

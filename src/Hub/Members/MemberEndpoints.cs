using System.Globalization;
using System.Security.Claims;
using Dapper;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Members;

/// <summary><c>GET /api/v1/members/{id}</c>.</summary>
public static class MemberEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/members/{id}", GetAsync).WithTags("Canonical reads")
            .WithSummary("A member by canonical id").Produces<MemberView>().ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, HubDatabase database, LibraryAccess access, CancellationToken cancellationToken)
    {
        if (!CanonicalId.TryParse<MemberId>(id, out _))
            return Problems.Invalid("id", $"'{id}' is not a member id: expected 'mbr-' followed by 32 hexadecimal digits.");
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(
            "SELECT * FROM members WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        if (row is null) return Problems.NotFound($"No member {id} is known to the hub.");
        if (!await access.MaySeeAsync(user, row.HomeIsil, cancellationToken))
            return Problems.Forbidden($"This key may not see members of library {row.HomeIsil}.");
        var address = row.Street is null && row.Postcode is null && row.City is null
            ? null : new AddressView(row.Street, row.HouseNumber, row.Postcode, row.City);
        return Results.Ok(new MemberView(row.Id, row.HomeIsil, row.CardNumber, row.GivenName, row.FamilyName, row.BirthDate, address,
            row.Email, row.Category, row.Status, row.ExpiresOn, row.RegisteredOn, row.Removed,
            DateTimeOffset.Parse(row.UpdatedAt, CultureInfo.InvariantCulture)));
    }
}

using System.Globalization;
using System.Security.Claims;
using Dapper;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Holdings;

/// <summary><c>GET /api/v1/holdings/{id}</c>, and the cross-library lookup <c>GET /api/v1/holdings?isbn=|ppn=|oclc=</c>.</summary>
public static class HoldingEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapHoldings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/holdings/{id}", GetAsync).WithTags("Canonical reads")
            .WithSummary("A copy by canonical id").Produces<HoldingView>().ProducesProblem(404);
        app.MapHoldingSearch();
        return app;
    }

    /// <summary>The view of a holdings row.</summary>
    public static HoldingView ToView(HoldingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new HoldingView(row.Id, row.Isil, row.Barcode, row.Isbn, row.Ppn, row.OclcNumber, row.LocalRecordId, row.Title, row.Author,
            row.MaterialType, row.Location, row.Shelfmark, row.Status, row.RawStatus, row.IblLendable, row.Withdrawn,
            DateTimeOffset.Parse(row.UpdatedAt, CultureInfo.InvariantCulture));
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, HubDatabase database, LibraryAccess access, CancellationToken cancellationToken)
    {
        if (!CanonicalId.TryParse<HoldingId>(id, out _))
            return Problems.Invalid("id", $"'{id}' is not a holding id: expected 'hld-' followed by 32 hexadecimal digits.");
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<HoldingRow>(new CommandDefinition(
            "SELECT * FROM holdings WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        if (row is null) return Problems.NotFound($"No copy {id} is known to the hub.");
        if (!await access.MaySeeAsync(user, row.Isil, cancellationToken))
            return Problems.Forbidden($"This key may not see copies of library {row.Isil}.");
        return Results.Ok(ToView(row));
    }
}

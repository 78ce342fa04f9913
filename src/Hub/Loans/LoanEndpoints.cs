using System.Globalization;
using System.Security.Claims;
using Dapper;
using Lsb.Hub.Auth;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Ingest.State;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Loans;

/// <summary><c>GET /api/v1/loans?memberId=</c>: a member's loans, current first.</summary>
public static class LoanEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapLoans(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/loans", ListAsync).WithTags("Canonical reads")
            .WithSummary("A member's loans (only those of libraries this key may see)").Produces<IReadOnlyList<LoanView>>();
        return app;
    }

    /// <summary>The view of a loans row.</summary>
    public static LoanView ToView(LoanRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new LoanView(row.Id, row.Kind, row.MemberId, row.HoldingId, row.EbookIsbn, row.Title, row.Isil,
            Parse(row.StartedAt), row.DueAt is null ? null : Parse(row.DueAt), row.EndedAt is null ? null : Parse(row.EndedAt), row.Renewals);
    }

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static async Task<IResult> ListAsync(string? memberId, ClaimsPrincipal user, HubDatabase database, LibraryAccess access, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(memberId))
            return Problems.Invalid("memberId", "Give the member's canonical id: GET /api/v1/loans?memberId=mbr-….");
        if (!CanonicalId.TryParse<MemberId>(memberId, out _))
            return Problems.Invalid("memberId", $"'{memberId}' is not a member id: expected 'mbr-' followed by 32 hexadecimal digits.");
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<LoanRow>(new CommandDefinition(
            "SELECT * FROM loans WHERE member_id = @memberId ORDER BY CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END, started_at DESC",
            new { memberId }, cancellationToken: cancellationToken))).ToList();
        var visible = new List<LoanView>(rows.Count);
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!allowed.TryGetValue(row.Isil, out var may))
                allowed[row.Isil] = may = await access.MaySeeAsync(user, row.Isil, cancellationToken);
            if (may) visible.Add(ToView(row));
        }
        return Results.Ok(visible);
    }
}

using System.Security.Claims;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Storage;

namespace Lsb.Hub.CustomerView.View;

/// <summary><c>GET /api/v1/customers/{memberId}/view?requestingIsil=</c>: the integral customer view (with consent).</summary>
public static class CustomerViewEndpoints
{
    /// <summary>The most history one answer carries.</summary>
    public const int MaxHistoryLimit = 1000;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapCustomerViewQuery(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/customers/{memberId}/view", GetAsync).WithTags("Customer view")
            .WithSummary("A person's loans, physical and digital, across libraries — if they opted in; otherwise only the requesting library's")
            .Produces<CustomerViewResult>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(410);
        return app;
    }

    private static async Task<IResult> GetAsync(string memberId, string? requestingIsil, string? historyLimit, ClaimsPrincipal user,
        HubDatabase database, CustomerAccess access, CustomerViewQuery query, CancellationToken cancellationToken)
    {
        if (CustomerProblems.InvalidId(memberId) is { } invalid) return invalid;
        if (string.IsNullOrWhiteSpace(requestingIsil))
            return Problems.Invalid("requestingIsil", "Name the library asking: ?requestingIsil=NL-… (without consent the view shows only that library's loans).");
        if (!Isil.TryParse(requestingIsil, out var requesting, out var isilError)) return Problems.Invalid("requestingIsil", isilError);
        var limit = 100;
        if (historyLimit is not null && (!int.TryParse(historyLimit, out limit) || limit < 0 || limit > MaxHistoryLimit))
            return Problems.Invalid("historyLimit", $"'historyLimit' must be between 0 and {MaxHistoryLimit}; got '{historyLimit}'.");
        await using var connection = await database.OpenAsync(cancellationToken);
        var customer = await CustomerLookup.FindAsync(connection, null, memberId, cancellationToken);
        if (customer is null) return CustomerProblems.Unknown(memberId);
        if (await access.CheckViewAsync(user, customer, requesting, cancellationToken) is { } forbidden) return forbidden;
        if (customer.Erased) return CustomerProblems.Erased(memberId);
        return Results.Ok(await query.RunAsync(connection, customer, requesting, limit, cancellationToken));
    }
}

using System.Data.Common;
using System.Security.Claims;
using Lsb.Hub.Auth;
using Lsb.Hub.CustomerView.Persons;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Storage;

namespace Lsb.Hub.CustomerView.Consent;

/// <summary>
/// <c>PUT /api/v1/customers/{memberId}/consent</c> records a person's decision (opt-in or opt-out) on the integral view
/// and on keeping loan history, with who recorded it and when; <c>GET</c> shows the effective decisions and the trail.
/// </summary>
public static class ConsentEndpoints
{
    /// <summary>The longest staff reference accepted.</summary>
    public const int MaxStaffReferenceLength = 100;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapConsent(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/v1/customers/{memberId}/consent", PutAsync).WithTags("Customer view")
            .WithSummary("Record the person's opt-in or opt-out (integral view, keeping loan history); audited")
            .Accepts<ConsentRequest>("application/json").Produces<ConsentView>()
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(410);
        app.MapGet("/api/v1/customers/{memberId}/consent", GetAsync).WithTags("Customer view")
            .WithSummary("The person's effective consent and this membership's audit trail")
            .Produces<ConsentView>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(410);
        return app;
    }

    private static async Task<IResult> PutAsync(string memberId, HttpRequest request, ClaimsPrincipal user, HubDatabase database,
        CustomerDirectory customers, CustomerAccess access, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CustomerProblems.InvalidId(memberId) is { } invalid) return invalid;
        var (body, problem) = await JsonBody.ReadAsync<ConsentRequest>(request, cancellationToken);
        if (problem is not null) return problem;
        if (body!.IntegralView is null && body.KeepLoanHistory is null)
            return Problems.Invalid("body", "Give integralView and/or keepLoanHistory as true (opt in) or false (opt out).");
        if (body.StaffReference is { Length: > MaxStaffReferenceLength })
            return Problems.Invalid("staffReference", $"staffReference has {body.StaffReference.Length} characters; at most {MaxStaffReferenceLength}.");
        var customer = await customers.FindAsync(memberId, cancellationToken);
        if (customer is null) return CustomerProblems.Unknown(memberId);
        if (await access.CheckAsync(user, customer, cancellationToken) is { } forbidden) return forbidden;
        if (customer.Erased) return CustomerProblems.Erased(memberId);

        var now = time.GetUtcNow();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken))
        {
            await LogHeadLock.TakeAsync(connection, transaction, database.Dialect, cancellationToken);
            var staff = string.IsNullOrWhiteSpace(body.StaffReference) ? null : body.StaffReference.Trim();
            foreach (var (purpose, granted) in new[] { (ConsentPurpose.IntegralView, body.IntegralView), (ConsentPurpose.KeepLoanHistory, body.KeepLoanHistory) })
            {
                if (granted is not { } value) continue;
                await ConsentStore.RecordAsync(connection, transaction,
                    new ConsentDecision(memberId, purpose, value, now, now, user.KeyName(), staff, ConsentSource.Api), cancellationToken);
            }
            if (body.KeepLoanHistory == false)
            {
                var members = await MembersOfAsync(connection, transaction, customer, cancellationToken);
                await ConsentStore.ReleaseKeptHistoryUnlessConsentedAsync(connection, transaction, database.Dialect, members, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return Results.Ok(await ViewAsync(database, customer, cancellationToken));
    }

    private static async Task<IResult> GetAsync(string memberId, ClaimsPrincipal user, HubDatabase database, CustomerDirectory customers,
        CustomerAccess access, CancellationToken cancellationToken)
    {
        if (CustomerProblems.InvalidId(memberId) is { } invalid) return invalid;
        var customer = await customers.FindAsync(memberId, cancellationToken);
        if (customer is null) return CustomerProblems.Unknown(memberId);
        if (await access.CheckAsync(user, customer, cancellationToken) is { } forbidden) return forbidden;
        if (customer.Erased) return CustomerProblems.Erased(memberId);
        return Results.Ok(await ViewAsync(database, customer, cancellationToken));
    }

    private static async Task<ConsentView> ViewAsync(HubDatabase database, Customer customer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var members = await MembersOfAsync(connection, null, customer, cancellationToken);
        var decisions = await ConsentStore.CurrentAsync(connection, null, database.Dialect, members, cancellationToken);
        var trail = await ConsentStore.TrailAsync(connection, customer.MemberId, cancellationToken);
        return new ConsentView(customer.MemberId,
            ConsentState.Of(ConsentStore.Effective(decisions, ConsentPurpose.IntegralView), customer.MemberId),
            ConsentState.Of(ConsentStore.Effective(decisions, ConsentPurpose.KeepLoanHistory), customer.MemberId),
            [.. trail.Select(d => new ConsentTrailEntry(d.Purpose, d.Granted, d.DecidedAt, d.RecordedAt, d.RecordedBy, d.StaffReference, d.Source))]);
    }

    private static async Task<List<string>> MembersOfAsync(DbConnection connection, DbTransaction? transaction, Customer customer, CancellationToken cancellationToken)
    {
        var personId = await PersonMemberships.PersonOfAsync(connection, transaction, customer.MemberId, cancellationToken);
        return personId is null ? [customer.MemberId] : await PersonMemberships.OfPersonAsync(connection, transaction, personId, cancellationToken);
    }
}

using System.Security.Claims;
using System.Text.Json;
using Lsb.Hub.Auth;
using Lsb.Hub.Infrastructure;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.DigitalLoans;

/// <summary><c>POST /api/v1/digital-loans</c>: e-book loan events from the KB platform (scope <c>ebook-platform</c> only).</summary>
public static class DigitalLoanEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapDigitalLoans(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/digital-loans", PostAsync).WithTags("Digital loans")
            .WithSummary("A batch of e-book loan events (started, renewed, ended); one outcome per event, idempotent on eventId")
            .Accepts<JsonElement>("application/json").Produces<DigitalLoanBatchResult>()
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(413);
        return app;
    }

    private static async Task<IResult> PostAsync(HttpRequest request, ClaimsPrincipal user, DigitalLoanIntake intake,
        IOptions<DigitalLoanOptions> options, CancellationToken cancellationToken)
    {
        if (!user.Has(Scopes.EbookPlatform))
            return Problems.Forbidden("Only the KB e-book platform posts digital loans: the key needs scope 'ebook-platform'.");
        if (request.ContentType is null || !request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return Problems.Invalid("body", "Send the batch as JSON with Content-Type: application/json: {\"events\": [ … ]}.");
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException e)
        {
            return Problems.Invalid("body", $"The body is not valid JSON ({e.Message}); nothing was stored. Send {{\"events\": [ … ]}}.");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                return Problems.Invalid("events", "The body must be an object with an array 'events': {\"events\": [ … ]}; nothing was stored.");
            var count = events.GetArrayLength();
            if (count == 0) return Problems.Invalid("events", "'events' is empty: send at least one event.");
            var max = options.Value.MaxBatchSize;
            if (count > max)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large",
                    detail: $"The batch holds {count} events; at most {max} are taken per request. Nothing was stored: split it into batches of {max} or fewer.");
            }
            return Results.Ok(await intake.AcceptAsync(events, request.HttpContext.TraceIdentifier, cancellationToken));
        }
    }
}

using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.PatronServices.Returns;

/// <summary>The answer of <c>POST /api/v1/returns</c> for a <see cref="HandInOutcome"/>.</summary>
public static class ReturnAnswers
{
    /// <summary>200 with the return, or the problem a desk can act on.</summary>
    public static IResult From(HandInOutcome outcome, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(response);
        switch (outcome.Result)
        {
            case HandInResult.Returned or HandInResult.AlreadyHandled: return Results.Ok(outcome.Return);
            case HandInResult.LibraryUnknown: return Problems.Invalid("returningIsil", outcome.Message);
            case HandInResult.BarcodeUnknown: return Problems.NotFound(outcome.Message);
            case HandInResult.Ambiguous:
                return Results.Problem(statusCode: 409, title: "Barcode used by several libraries", detail: outcome.Message,
                    extensions: new Dictionary<string, object?>
                    {
                        ["candidates"] = outcome.Candidates!.Select(c => new { holdingId = c.HoldingId, isil = c.Isil, installation = c.InstallationId, title = c.Title }).ToList(),
                    });
            case HandInResult.OwnerUnavailable:
                PatronProblems.SetRetryAfter(response, outcome.RetryAfter ?? TimeSpan.FromSeconds(30));
                return Results.Problem(statusCode: 503, title: "Owning library system unavailable", detail: outcome.Message);
            case HandInResult.OwnerOutcomeUnknown: return Results.Problem(statusCode: 502, title: "Check-in outcome unknown", detail: outcome.Message);
            case HandInResult.CopyUnknownAtOwner: return Problems.Conflict(outcome.Message);
            default: return Results.Problem(statusCode: 502, title: "Owning library system refused the check-in", detail: outcome.Message);
        }
    }
}

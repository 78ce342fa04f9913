using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>Why a request about failed messages was refused; becomes a problem+json answer.</summary>
/// <param name="Status">400, 404 or 409.</param>
/// <param name="Detail">What was wrong and what to do.</param>
/// <param name="Field">For 400: the field at fault.</param>
public sealed record Refusal(int Status, string Detail, string? Field = null)
{
    /// <summary>The HTTP answer.</summary>
    public IResult ToResult() => Status switch
    {
        StatusCodes.Status400BadRequest => Problems.Invalid(Field ?? "body", Detail),
        StatusCodes.Status404NotFound => Problems.NotFound(Detail),
        _ => Problems.Conflict(Detail),
    };

    public static Refusal Invalid(string field, string detail) => new(StatusCodes.Status400BadRequest, detail, field);
    public static Refusal NotFound(string detail) => new(StatusCodes.Status404NotFound, detail);
    public static Refusal Conflict(string detail) => new(StatusCodes.Status409Conflict, detail);
}

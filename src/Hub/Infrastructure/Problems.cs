using Microsoft.AspNetCore.Mvc;

namespace Lsb.Hub.Infrastructure;

/// <summary>
/// <c>application/problem+json</c> answers (RFC 9457) that say what was wrong and what to do.
/// </summary>
public static class Problems
{
    /// <summary>400 with the invalid fields: field path → messages.</summary>
    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null)
        => Results.ValidationProblem(errors, detail: detail ?? "The request has invalid fields; nothing was changed. Correct them and send it again.",
            title: "Invalid request");

    /// <summary>400 for one invalid field.</summary>
    public static IResult Invalid(string field, string message) => Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>404.</summary>
    public static IResult NotFound(string detail) => Results.Problem(statusCode: 404, title: "Not found", detail: detail);

    /// <summary>403: the key lacks the scope.</summary>
    public static IResult Forbidden(string detail) => Results.Problem(statusCode: 403, title: "Not allowed for this key", detail: detail);

    /// <summary>409: the request conflicts with the hub's state.</summary>
    public static IResult Conflict(string detail) => Results.Problem(statusCode: 409, title: "Conflict", detail: detail);

    /// <summary>Writes a problem directly (for middleware and authentication handlers).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path };
        await context.Response.WriteAsJsonAsync(problem, HubJson.Options, "application/problem+json");
    }
}

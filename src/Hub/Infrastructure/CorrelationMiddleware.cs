using Lsb.Hub.Canonical.Identity;
using Serilog.Context;

namespace Lsb.Hub.Infrastructure;

/// <summary>
/// Gives every HTTP request a correlation id (the caller's <c>X-Correlation-Id</c>, or a new one), returns it in the
/// response and puts it on every log line of the request.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next)
{
    /// <summary>The header.</summary>
    public const string Header = "X-Correlation-Id";

    /// <summary>Handles a request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 128) id = $"http-{Uuid7.New():N}";
        context.TraceIdentifier = id;
        context.Response.Headers[Header] = id;
        using (LogContext.PushProperty("CorrelationId", id))
            await next(context);
    }
}

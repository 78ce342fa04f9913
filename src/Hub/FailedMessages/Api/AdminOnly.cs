using Lsb.Hub.Auth;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>Endpoint filter: failed-message administration needs scope <c>admin</c> (403 problem otherwise).</summary>
public sealed class AdminOnly : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!context.HttpContext.User.IsAdmin())
            return Problems.Forbidden("Failed-message administration needs an API key with scope 'admin'.");
        return await next(context);
    }
}

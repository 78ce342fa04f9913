using Lsb.Hub.Simulators.Wise.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lsb.Hub.Simulators.Wise.Http;

/// <summary>
/// Refuses every dialect call without a valid WISE_KEY for the installation in the path: 401 with a Wise-like error
/// body. Accepts the documented header name <c>WISE_KEY</c> and the spelling <c>WISE-KEY</c>.
/// </summary>
internal sealed class WiseKeyFilter(SimulatorState state) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var name = http.GetRouteValue("installation") as string ?? string.Empty;
        if (state.Find(name) is not { } installation)
            return WiseResponses.Error(404, "SYSTEM_NOT_FOUND", $"No Wise system is served at '/{name}'.");
        var key = http.Request.Headers["WISE_KEY"].FirstOrDefault() ?? http.Request.Headers["WISE-KEY"].FirstOrDefault();
        if (string.IsNullOrEmpty(key))
            return WiseResponses.Error(401, "MISSING_WISE_KEY", "The request has no WISE_KEY header.");
        if (!state.Options.KeyValidator.IsValid(installation.Spec, key, state.Options.Time.GetUtcNow()))
            return WiseResponses.Error(401, "INVALID_WISE_KEY", "The WISE_KEY is invalid or has expired for this Wise system.");
        return await next(context);
    }
}

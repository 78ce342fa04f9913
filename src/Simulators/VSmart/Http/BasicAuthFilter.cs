using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Lsb.Hub.Simulators.VSmart.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lsb.Hub.Simulators.VSmart.Http;

/// <summary>Refuses every dialect call without the installation's user name and password (HTTP Basic): 401 with a
/// <c>WWW-Authenticate</c> challenge, as V-smart's web server does.</summary>
internal sealed class BasicAuthFilter(SimulatorState state) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var name = http.GetRouteValue("installation") as string ?? string.Empty;
        if (state.Find(name) is not { } installation)
            return Results.Text($"No V-smart installation is served at '/{name}'.", "text/plain", statusCode: 404);
        if (!Authorized(http.Request.Headers.Authorization.ToString(), installation.Spec))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"V-smart\", charset=\"UTF-8\"";
            return Results.Text("Authentication required: V-smart answers only with the installation's user name and password.", "text/plain", statusCode: 401);
        }
        return await next(context);
    }

    private static bool Authorized(string header, VSmartInstallationSpec spec)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !"Basic".Equals(value.Scheme, StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null) return false;
        byte[] presented;
        try
        {
            presented = Convert.FromBase64String(value.Parameter);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes($"{spec.Username}:{spec.Password}"));
    }
}

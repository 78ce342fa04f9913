using System.Globalization;
using System.Text;
using System.Text.Json;
using Lsb.Hub.Simulators.Catalogues.Shared;
using Lsb.Hub.Simulators.Catalogues.WorldCat.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lsb.Hub.Simulators.Catalogues.WorldCat.Http;

/// <summary>
/// The WorldCat Metadata API shapes the hub uses (docs/holdings-sync.md, "WorldCat"): the OAuth token endpoint, the LHR
/// endpoints (<c>/worldcat/manage/lhrs</c>, MARCXML) and <c>/worldcat/search/my-holdings</c> (JSON). Every API call needs
/// a bearer token and passes the rate limit first.
/// </summary>
internal static class WorldCatEndpoints
{
    private const string MarcXml = "application/marcxml+xml";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app, WorldCatRegistry registry, WorldCatAccess access)
    {
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var credentials = BasicCredentials.Read(request);
            if (credentials is not { } c || c.User != registry.Options.ClientKey || !BasicCredentials.Matches(c.Password, registry.Options.ClientSecret))
                return Results.Json(new { message = "Unauthorized" }, Json, statusCode: 401);
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            if (form["grant_type"] != "client_credentials")
                return Results.Json(new { error = "unsupported_grant_type", message = "Use grant_type=client_credentials." }, Json, statusCode: 400);
            var scope = form["scope"].ToString();
            var (token, expires) = access.Issue();
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = token,
                ["token_type"] = "bearer",
                ["expires_in"] = registry.Options.TokenLifetimeSeconds,
                ["expires_at"] = expires.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["authenticating_institution_id"] = registry.Options.InstitutionId,
                ["context_institution_id"] = registry.Options.InstitutionId,
                ["scopes"] = scope,
            }, Json);
        });

        var api = app.MapGroup("/worldcat").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var header = http.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !access.IsValid(header[7..].Trim()))
                return Results.Json(new { message = "Unauthorized" }, Json, statusCode: 401);
            if (access.Admit() is { } retryAfter)
            {
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                return Results.Json(new { message = "Too Many Requests" }, Json, statusCode: 429);
            }
            return await next(context);
        });

        api.MapPost("/manage/lhrs", async (HttpRequest request) => Answer(registry.Create(await BodyAsync(request))));
        api.MapGet("/manage/lhrs/{controlNumber}", (string controlNumber) => Answer(registry.Get(controlNumber)));
        api.MapPut("/manage/lhrs/{controlNumber}", async (string controlNumber, HttpRequest request) =>
        {
            var answer = registry.Replace(controlNumber, await BodyAsync(request));
            if (answer.Status < 300) await registry.Gate.PassAsync(controlNumber, request.HttpContext.RequestAborted);
            return Answer(answer);
        });
        api.MapDelete("/manage/lhrs/{controlNumber}", async (string controlNumber, HttpContext http) =>
        {
            var answer = registry.Delete(controlNumber);
            if (answer.Status < 300) await registry.Gate.PassAsync(controlNumber, http.RequestAborted);
            return Answer(answer);
        });

        api.MapGet("/search/my-holdings", (string? holdingLocation, string? sublocationCollection, string? barcode, string? oclcNumber, int? offset, int? limit) =>
        {
            var size = Math.Clamp(limit ?? 10, 1, registry.Options.MaxSearchLimit);
            var (total, page) = registry.Search(holdingLocation, sublocationCollection, barcode, oclcNumber, Math.Max(1, offset ?? 1), size);
            return Results.Json(new
            {
                numberOfHoldings = total,
                detailedHoldings = page.Select(l => new
                {
                    oclcNumber = l.OclcNumber,
                    lhrControlNumber = l.ControlNumber,
                    format = "zu",
                    lhrDateEntered = l.Created.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                    lhrLastUpdated = l.Updated.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                    location = new { holdingLocation = l.Symbol, sublocationCollection = l.HoldingLibrary, shelvingLocation = l.ShelvingLocation },
                    callNumber = new { displayCallNumber = l.CallNumber, classificationPart = l.CallNumber },
                    holdingParts = l.Barcode is null ? [] : new[] { new { pieceDesignation = l.Barcode } },
                }).ToArray(),
            }, Json);
        });
    }

    private static async Task<string> BodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    private static IResult Answer(WorldCatAnswer answer)
        => answer.Xml is not null
            ? Results.Text(answer.Xml, MarcXml, Encoding.UTF8, answer.Status)
            : Results.Json(answer.Error, Json, statusCode: answer.Status);
}

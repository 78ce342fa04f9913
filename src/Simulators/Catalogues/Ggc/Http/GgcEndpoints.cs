using System.Text.Json;
using Lsb.Hub.Simulators.Catalogues.Ggc.State;
using Lsb.Hub.Simulators.Catalogues.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lsb.Hub.Simulators.Catalogues.Ggc.Http;

/// <summary>
/// The GGC delivery interface (docs/holdings-sync.md, "GGC file format"): upload a data file, then its manifest, which
/// runs the import and answers the report; read a report again; export a library's holdings; the import monitor.
/// Every call needs the delivery account (HTTP Basic).
/// </summary>
internal static class GgcEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app, GgcCatalogue catalogue)
    {
        var ggc = app.MapGroup("/ggc").AddEndpointFilter(async (context, next) =>
        {
            var credentials = BasicCredentials.Read(context.HttpContext.Request);
            if (credentials is not { } c || c.User != catalogue.Options.UserName || !BasicCredentials.Matches(c.Password, catalogue.Options.Password))
            {
                context.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"GGC\"";
                return Answer(GgcAnswer.Error(401, "UNAUTHORIZED", "Log in with the delivery account (HTTP Basic)."));
            }
            return await next(context);
        });

        ggc.MapPut("/deliveries/{file}", async (string file, HttpRequest request) =>
        {
            if (!ValidName(file)) return Answer(BadName(file));
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            return Answer(catalogue.Stage(file, buffer.ToArray()));
        });

        ggc.MapPut("/deliveries/{file}/manifest", async (string file, HttpRequest request) =>
        {
            if (!ValidName(file)) return Answer(BadName(file));
            GgcManifest? manifest;
            try
            {
                manifest = await JsonSerializer.DeserializeAsync<GgcManifest>(request.Body, Json, request.HttpContext.RequestAborted);
            }
            catch (JsonException e)
            {
                return Answer(GgcAnswer.Error(400, "BAD_MANIFEST", $"The manifest is not valid JSON: {e.Message}"));
            }
            if (manifest is null || string.IsNullOrEmpty(manifest.Isil) || string.IsNullOrEmpty(manifest.Sha256))
                return Answer(GgcAnswer.Error(400, "BAD_MANIFEST", "The manifest needs file, isil, day, records and sha256."));
            var answer = catalogue.Import(file, manifest);
            if (answer.Status == 200) await catalogue.Gate.PassAsync(file, request.HttpContext.RequestAborted);
            return Answer(answer);
        });

        ggc.MapGet("/deliveries/{file}/report", (string file)
            => catalogue.Report(file) is { } report ? Results.Json(report, Json)
                : Answer(GgcAnswer.Error(404, "NO_REPORT", $"File '{file}' has not been imported.")));

        ggc.MapGet("/libraries/{isil}/holdings", async (string isil, HttpResponse response) =>
        {
            response.ContentType = "application/marc";
            foreach (var record in catalogue.Records(isil))
                await response.Body.WriteAsync(record, response.HttpContext.RequestAborted);
        });

        ggc.MapGet("/monitor", (string? day, string? isil) => Results.Json(Monitor(catalogue.Reports(), day, isil), Json));
    }

    private static List<GgcMonitorBlock> Monitor(IReadOnlyList<GgcImportReport> reports, string? day, string? isil)
        => [.. reports
            .Where(r => (day is null || r.Day == day) && (isil is null || string.Equals(r.Isil, isil, StringComparison.OrdinalIgnoreCase)))
            .GroupBy(r => (r.Day, r.Isil.ToUpperInvariant()))
            .OrderBy(g => g.Key.Day, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal)
            .Select(g => new GgcMonitorBlock(g.Key.Day, g.First().Isil, g.Last().Iln, [.. g.Select(r => r.File)],
                g.Sum(r => r.Accepted), g.Sum(r => r.Rejected), g.Sum(r => r.Unmatched)))];

    private static bool ValidName(string file)
        => file.Length is > 0 and <= 200 && file.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static GgcAnswer BadName(string file)
        => GgcAnswer.Error(400, "BAD_FILE_NAME", $"'{file}' is not a delivery file name: use letters, digits, '-', '_' and '.' (at most 200).");

    private static IResult Answer(GgcAnswer answer) => Results.Json(answer.Body, Json, statusCode: answer.Status);
}

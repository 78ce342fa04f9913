using System.Globalization;
using System.Text;
using Lsb.Hub.Simulators.VSmart.Ncip;
using Lsb.Hub.Simulators.VSmart.Oai;
using Lsb.Hub.Simulators.VSmart.State;
using Lsb.Hub.Simulators.VSmart.Ws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lsb.Hub.Simulators.VSmart.Http;

/// <summary>The V-smart dialect of one installation under <c>/{installation}/</c>: <c>oai</c> (OAI-PMH, GET or form
/// POST), <c>ncip</c> (NCIP 2.02, POST) and <c>ws/borrowers/changes</c>, <c>ws/loans/changes</c> (XML).</summary>
internal static class DialectEndpoints
{
    private const string Xml = "text/xml; charset=utf-8";

    public static void Map(RouteGroupBuilder installation, SimulatorState state)
    {
        installation.MapGet("/oai", (string installation, HttpContext http)
            => Oai(state, installation, http, http.Request.Query.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)[.. q.Value.Select(v => v ?? string.Empty)])));
        installation.MapPost("/oai", async (string installation, HttpContext http) =>
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
            var args = form?.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)[.. q.Value.Select(v => v ?? string.Empty)])
                ?? new Dictionary<string, IReadOnlyList<string>>();
            return Oai(state, installation, http, args);
        });
        installation.MapPost("/ncip", async (string installation, HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var answer = new NcipResponder(state.Require(installation)).Respond(body);
            return Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + answer.ToString(System.Xml.Linq.SaveOptions.DisableFormatting), Xml, Encoding.UTF8);
        });
        installation.MapGet("/ws/borrowers/changes", (string installation, long? after, int? max) =>
        {
            if (Invalid(state, after, max) is { } problem) return problem;
            var (entries, last) = state.Require(installation).ReadBorrowerFeed(after ?? 0, max ?? 100);
            return Results.Bytes(FeedXml.Borrowers(entries, last), Xml);
        });
        installation.MapGet("/ws/loans/changes", (string installation, long? after, int? max) =>
        {
            if (Invalid(state, after, max) is { } problem) return problem;
            var (entries, last) = state.Require(installation).ReadLoanFeed(after ?? 0, max ?? 100);
            return Results.Bytes(FeedXml.Loans(entries, last), Xml);
        });
    }

    private static IResult Oai(SimulatorState state, string installation, HttpContext http, IReadOnlyDictionary<string, IReadOnlyList<string>> args)
    {
        var request = http.Request;
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var responder = new OaiResponder(state.Require(installation), TokenKey(installation));
        return Results.Bytes(responder.Respond(args, baseUrl, state.Options.Time.GetUtcNow()), Xml);
    }

    /// <summary>Token signing key: fixed per installation, so tokens survive a simulator restart with the same seed.</summary>
    private static byte[] TokenKey(string installation) => Encoding.UTF8.GetBytes("vsmart-oai-token:" + installation);

    private static IResult? Invalid(SimulatorState state, long? after, int? max)
    {
        if (after is < 0)
            return Results.Text("after must be a change number of 0 or more (0: from the start).", "text/plain", statusCode: 400);
        if (max is < 1 || max > state.Options.MaxFeedPageSize)
            return Results.Text(string.Create(CultureInfo.InvariantCulture, $"max must be between 1 and {state.Options.MaxFeedPageSize}."), "text/plain", statusCode: 400);
        return null;
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lsb.Hub.Tests.Ibl.Iso;

/// <summary>
/// External ILL systems as the hub sees them: one HTTP server that receives ISO 18626 messages for any number of agencies
/// (<c>POST /{agency}</c>), records each one and confirms it OK, the way a peer confirms in the same exchange.
/// </summary>
public sealed class FakeIso18626Peer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeIso18626Peer(WebApplication app) => _app = app;

    /// <summary>Every message received: (agency it was addressed to, XML), in arrival order.</summary>
    public ConcurrentQueue<(string Agency, string Xml)> Received { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the hub must send messages for <paramref name="agency"/>.</summary>
    public Uri AddressOf(string agency) => new(BaseAddress, Uri.EscapeDataString(agency));

    public static async Task<FakeIso18626Peer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting(Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var peer = new FakeIso18626Peer(app);
        app.MapPost("/{agency}", async (string agency, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var xml = await reader.ReadToEndAsync();
            peer.Received.Enqueue((agency, xml));
            return Results.Text(Confirmation(xml), "application/xml", Encoding.UTF8);
        });
        await app.StartAsync();
        peer.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return peer;
    }

    /// <summary>The messages addressed to <paramref name="agency"/> whose requestingAgencyRequestId is <paramref name="requestId"/>.</summary>
    public List<string> For(string agency, string requestId)
        => [.. Received.Where(m => m.Agency == agency && Iso18626Corpus.Value(m.Xml, "requestingAgencyRequestId") == requestId).Select(m => m.Xml)];

    /// <summary>Waits until a message to <paramref name="agency"/> about <paramref name="requestId"/> satisfies <paramref name="condition"/>.</summary>
    public async Task<string> WaitForAsync(string agency, string requestId, Func<string, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var found = For(agency, requestId).FirstOrDefault(condition);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{agency} did not receive {what} for '{requestId}'; it received: {string.Join(" | ", For(agency, requestId).Select(Describe))}");
            await Task.Delay(100);
        }
    }

    /// <summary>"request", "supplyingAgencyMessage Loaned" or "requestingAgencyMessage Cancel".</summary>
    public static string Describe(string xml)
    {
        var kind = System.Xml.Linq.XDocument.Parse(xml).Root!.Elements().First().Name.LocalName;
        return kind switch
        {
            "supplyingAgencyMessage" => $"{kind} {Iso18626Corpus.Value(xml, "reasonForMessage")} {Iso18626Corpus.Value(xml, "status")}",
            "requestingAgencyMessage" => $"{kind} {Iso18626Corpus.Value(xml, "action")}",
            _ => kind,
        };
    }

    // Echoes the header; confirms OK. The hub reads messageStatus (and errorType/errorValue on ERROR).
    private static string Confirmation(string xml)
    {
        var document = System.Xml.Linq.XDocument.Parse(xml);
        System.Xml.Linq.XNamespace ns = Iso18626Corpus.Namespace;
        var body = document.Root!.Elements().First();
        var header = body.Element(ns + "header")!;
        var name = body.Name.LocalName + "Confirmation";
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var confirmation = new System.Xml.Linq.XElement(ns + name,
            new System.Xml.Linq.XElement(ns + "confirmationHeader",
                header.Element(ns + "supplyingAgencyId"), header.Element(ns + "requestingAgencyId"),
                new System.Xml.Linq.XElement(ns + "timestamp", now),
                header.Element(ns + "requestingAgencyRequestId"),
                new System.Xml.Linq.XElement(ns + "timestampReceived", now),
                new System.Xml.Linq.XElement(ns + "messageStatus", "OK")));
        if (body.Element(ns + "messageInfo")?.Element(ns + "reasonForMessage") is { } reason) confirmation.Add(new System.Xml.Linq.XElement(ns + "reasonForMessage", reason.Value));
        if (body.Element(ns + "action") is { } action) confirmation.Add(new System.Xml.Linq.XElement(ns + "action", action.Value));
        var root = new System.Xml.Linq.XElement(ns + "ISO18626Message", new System.Xml.Linq.XAttribute(ns + "version", "1.2"), confirmation);
        return root.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

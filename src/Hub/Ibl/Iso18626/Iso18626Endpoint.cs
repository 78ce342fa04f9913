using System.Text;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>
/// <c>POST /iso18626</c>: ISO 18626 v1.2 XML from external ILL systems, answered with the matching confirmation (HTTP 200
/// for every answer, OK or ERROR, as ISO 18626 peers expect). Not behind the hub's API keys: peers are known by their
/// agency id (<c>Ibl:Iso18626:Peers</c>), optionally with a key in <c>X-Iso18626-Key</c>.
/// </summary>
public static class Iso18626Endpoint
{
    /// <summary>Largest message accepted.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapIso18626(this IEndpointRouteBuilder app)
    {
        app.MapPost("/iso18626", HandleAsync).AllowAnonymous().WithTags("Interlibrary loan")
            .WithSummary("ISO 18626 v1.2 messages from external ILL systems (request, supplyingAgencyMessage, requestingAgencyMessage)")
            .Accepts<string>("application/xml", "text/xml").Produces<string>(200, "application/xml");
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, Iso18626Broker broker, CancellationToken cancellationToken)
    {
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16384, leaveOpen: true))
        {
            var buffer = new char[MaxBytes + 1];
            var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
            text = read > MaxBytes ? "<too-large/>" : new string(buffer, 0, read);
        }
        var key = request.Headers.TryGetValue("X-Iso18626-Key", out var values) ? values.ToString() : null;
        var (_, xml) = await broker.HandleAsync(text, key, cancellationToken);
        return Results.Text(xml, "application/xml", Encoding.UTF8, 200);
    }
}

using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using Lsb.Hub.Adapters.VSmart.Http;
using Lsb.Hub.Adapters.VSmart.Oai;

namespace Lsb.Hub.Adapters.VSmart;

/// <summary>Asks the OAI-PMH server to Identify itself and list its sets: proves it answers, accepts the credentials and
/// still has a set for every library the hub registered. NEVER throws for an unreachable installation.</summary>
internal sealed class VSmartHealthCheck(VSmartConnection connection, TimeProvider time)
{
    public async Task<AdapterHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        string description;
        var healthy = false;
        try
        {
            using (var identify = await connection.ReadAsync((api, c) => api.Identify(connection.Options.OaiPath, "Identify", c), "checking health (Identify)", cancellationToken))
            {
                await LoadAsync(identify, "Identify", cancellationToken);
            }
            using var sets = await connection.ReadAsync((api, c) => api.Identify(connection.Options.OaiPath, "ListSets", c), "checking health (ListSets)", cancellationToken);
            var document = await LoadAsync(sets, "ListSets", cancellationToken);
            var known = document.Descendants(XName.Get("setSpec", OaiPageParser.Namespace)).Select(s => s.Value.Trim()).ToHashSet(StringComparer.Ordinal);
            var missing = connection.Installation.Libraries.Where(l => !known.Contains($"{connection.Options.SetPrefix}:{l.VendorLibraryId}"))
                .Select(l => $"{l.VendorLibraryId} ({l.Isil})").ToList();
            healthy = missing.Count == 0;
            description = healthy
                ? $"{connection.Name} answers OAI-PMH and accepts the credentials; it has a set for all {connection.Installation.Libraries.Count} registered libraries."
                : $"{connection.Name} answers but has no OAI-PMH set for library {string.Join(", ", missing)}: correct the installation's registration.";
        }
        catch (Exception e) when (e is IlsUnavailableException or IlsProtocolException)
        {
            description = e.Message;
        }
        var state = connection.CircuitState.ToString();
        Debug.Assert(state is "Closed" or "Open" or "HalfOpen" or "Isolated", "Polly circuit states");
        return new AdapterHealth(healthy, description, time.GetElapsedTime(started), state);
    }

    private async Task<XDocument> LoadAsync(HttpResponseMessage response, string verb, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var document = await XDocument.LoadAsync(body, LoadOptions.None, cancellationToken);
            if (document.Root?.Name != XName.Get("OAI-PMH", OaiPageParser.Namespace))
                throw new FormatException($"the root element is {document.Root?.Name}");
            if (document.Root.Element(XName.Get("error", OaiPageParser.Namespace)) is { } error)
                throw new IlsProtocolException($"{connection.Name} answered {verb} with OAI-PMH error {error.Attribute("code")?.Value}: {error.Value}");
            return document;
        }
        catch (Exception e) when (e is XmlException or FormatException)
        {
            throw connection.Unreadable($"checking health ({verb})", e);
        }
    }
}

using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.VSmart.Http;

namespace Lsb.Hub.Adapters.VSmart.Reading;

/// <summary>
/// Reads a web-service change feed (borrowers or loans) after a change number: each <c>&lt;mutatie&gt;</c> becomes one
/// change whose payload is that element as read, whose SourceVersion is its change number (it grows with every change,
/// so with every change of the same borrower or loan) and whose SourceEventId is <c>{feed}:{number}</c>. An entry may hold
/// another record instead (the loan feed's <c>vreemdExemplaar</c>, a copy of another system taken in at the desk).
/// </summary>
internal sealed class ChangeFeedReader(VSmartConnection connection)
{
    private static readonly XNamespace Ws = "urn:vsmart:webservices:1";

    public async Task<(long Next, bool More)> ReadAsync(string feed, string path, string record, string idAttribute, long after, int budget,
        List<VendorChange> changes, CancellationToken cancellationToken, string? otherRecord = null)
    {
        var what = $"reading the {feed} feed after change {after}";
        while (budget > 0)
        {
            var max = Math.Min(budget, connection.Options.FeedPageSize);
            var from = after;
            using var response = await connection.ReadAsync((api, c) => api.Changes(path, from, max, c), what, cancellationToken);
            XDocument document;
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                document = await XDocument.LoadAsync(body, LoadOptions.None, cancellationToken);
            }
            catch (XmlException e)
            {
                throw connection.Unreadable(what, e);
            }
            catch (IOException e)
            {
                throw new IlsUnavailableException($"{connection.Name} dropped the connection while {what}: {e.Message}", e);
            }
            long newest;
            var taken = 0;
            try
            {
                var root = document.Root ?? throw new FormatException("the document is empty");
                newest = long.Parse(root.Attribute("laatsteMutatienummer")?.Value ?? throw new FormatException("laatsteMutatienummer is missing"), CultureInfo.InvariantCulture);
                foreach (var entry in root.Elements(Ws + "mutatie"))
                {
                    var number = long.Parse(entry.Attribute("nummer")?.Value ?? throw new FormatException("a mutatie has no nummer"), CultureInfo.InvariantCulture);
                    if (number <= after) continue;
                    if (taken == max) break;
                    var subject = entry.Element(Ws + record) ?? (otherRecord is null ? null : entry.Element(Ws + otherRecord))
                        ?? throw new FormatException($"mutatie {number} has no <{record}>");
                    var localId = subject.Attribute(idAttribute)?.Value ?? throw new FormatException($"mutatie {number} has no {idAttribute}");
                    var at = DateTimeOffset.Parse(entry.Attribute("datum")?.Value ?? throw new FormatException($"mutatie {number} has no datum"), CultureInfo.InvariantCulture);
                    changes.Add(new VendorChange(feed, localId, string.Create(CultureInfo.InvariantCulture, $"{feed}:{number}"), number, at,
                        entry.ToString(SaveOptions.DisableFormatting), subject.Attribute("bibliotheek")?.Value));
                    after = number;
                    taken++;
                    budget--;
                }
            }
            catch (FormatException e)
            {
                throw connection.Unreadable(what, e);
            }
            if (newest <= after) return (after, false);
            if (taken == 0) return (after, true);
        }
        return (after, true);
    }
}

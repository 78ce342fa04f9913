using System.Xml;
using System.Xml.Linq;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.VSmart.Mapping;
using Lsb.Hub.Adapters.VSmart.Reading;

namespace Lsb.Hub.Adapters.VSmart.Translation;

/// <summary>
/// Turns a V-smart change into canonical terms with the mapping tables: a copy of a harvested MARCXML record (read with
/// the hub's MARC reader and holdings helpers), a borrower or a loan web-service entry. A pure function of the change
/// and the tables: a change that failed on a missing mapping translates once the line is added.
/// </summary>
internal sealed partial class VSmartTranslator(string installation, VSmartMappings mappings)
{
    private static readonly XNamespace Ws = "urn:vsmart:webservices:1";

    public CanonicalChange Translate(VendorChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Feed switch
        {
            VSmartFeeds.Holding => Holding(change),
            VSmartFeeds.Borrower => Borrower(change, Entry(change)),
            VSmartFeeds.Loan => LoanOrForeignItem(change, Entry(change)),
            _ => throw new IlsProtocolException($"V-smart change {change.SourceEventId} comes from unknown feed '{change.Feed}'; the V-smart adapter reads holding, borrower and loan."),
        };
    }

    private XElement Entry(VendorChange change)
    {
        try
        {
            return XElement.Parse(change.Payload);
        }
        catch (XmlException e)
        {
            throw new IlsProtocolException($"V-smart change {change.SourceEventId} of installation '{installation}' has a {change.Feed} entry that cannot be read: {e.Message}", e);
        }
    }

    private IlsProtocolException Malformed(VendorChange change, string what)
        => new($"V-smart change {change.SourceEventId} of installation '{installation}' {what}.");

    private static string? Text(XElement element, string name) => element.Element(Ws + name)?.Value is { Length: > 0 } value ? value.Trim() : null;

    private static string? Attribute(XElement element, string name) => element.Attribute(name)?.Value is { Length: > 0 } value ? value : null;
}

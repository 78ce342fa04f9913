using System.Xml.Linq;

namespace Lsb.Hub.Adapters.VSmart.Ncip;

/// <summary>
/// Builds the NCIP 2.02 messages the adapter sends, in the element order the schema prescribes (they validate against
/// ncip_v2_02.xsd; a test checks every one). Elements and the <c>version</c> and <c>Scheme</c> attributes are
/// namespace-qualified, as the schema's qualified form defaults require.
/// </summary>
internal static class NcipRequests
{
    public static readonly XNamespace N = "http://www.niso.org/2008/ncip";
    public const string Version = "http://www.niso.org/schemas/ncip/v2_02/ncip_v2_02.xsd";

    public static XElement Message(string service, string fromAgency, string toAgency, params object?[] content)
        => new(N + "NCIPMessage", new XAttribute(XNamespace.Xmlns + "ncip", N), new XAttribute(N + "version", Version),
            new XElement(N + service, new XElement(N + "InitiationHeader", E("FromAgencyId", E("AgencyId", fromAgency)), E("ToAgencyId", E("AgencyId", toAgency))), content));

    public static XElement E(string name, params object?[] content) => new(N + name, content);

    public static XElement UserId(string? agency, string type, string value)
        => E("UserId", agency is null ? null : E("AgencyId", agency), E("UserIdentifierType", type), E("UserIdentifierValue", value));

    public static XElement ItemId(string? agency, string type, string value)
        => E("ItemId", agency is null ? null : E("AgencyId", agency), E("ItemIdentifierType", type), E("ItemIdentifierValue", value));

    public static XElement RequestId(string agency, string value) => E("RequestId", E("AgencyId", agency), E("RequestIdentifierValue", value));

    public static XElement AuthenticationInput(string data, string type)
        => E("AuthenticationInput", E("AuthenticationInputData", data), E("AuthenticationDataFormatType", "text/plain"), E("AuthenticationInputType", type));

    public static XElement BibliographicRecord(string agency, string identifier)
        => E("BibliographicId", E("BibliographicRecordId", E("BibliographicRecordIdentifier", identifier), E("AgencyId", agency)));

    public static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public static string Text(XElement message) => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + message.ToString(SaveOptions.DisableFormatting);
}

using System.Xml.Linq;

namespace Lsb.Hub.Simulators.VSmart.Ncip;

/// <summary>NCIP 2.02 names and small builders (elements and attributes are namespace-qualified: the schema says
/// elementFormDefault and attributeFormDefault "qualified").</summary>
internal static class NcipXml
{
    public static readonly XNamespace N = "http://www.niso.org/2008/ncip";
    public const string Version = "http://www.niso.org/schemas/ncip/v2_02/ncip_v2_02.xsd";
    public const string MessagingErrors = "http://www.niso.org/ncip/v1_0/schemes/messagingerrortype/messagingerrortype.scm";

    public static XElement E(string name, params object?[] content) => new(N + name, content);

    public static XElement? Optional(string name, string? value) => value is null ? null : new XElement(N + name, value);

    public static XElement Message(XElement service) => new(N + "NCIPMessage", new XAttribute(XNamespace.Xmlns + "ncip", N), new XAttribute(N + "version", Version), service);

    public static XElement AgencyId(string value) => E("AgencyId", value);

    public static XElement UserId(string agency, string type, string value)
        => E("UserId", AgencyId(agency), E("UserIdentifierType", type), E("UserIdentifierValue", value));

    public static XElement ItemId(string agency, string type, string value)
        => E("ItemId", AgencyId(agency), E("ItemIdentifierType", type), E("ItemIdentifierValue", value));

    public static XElement RequestId(string agency, string value) => E("RequestId", AgencyId(agency), E("RequestIdentifierValue", value));

    public static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static XElement E(string name, string value) => new(N + name, value);

    /// <summary>A child's text by path of local names in the NCIP namespace, or null.</summary>
    public static string? Text(XElement? element, params string[] path)
    {
        foreach (var name in path)
        {
            element = element?.Element(N + name);
            if (element is null) return null;
        }
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}

using System.Globalization;
using System.Xml;

namespace Lsb.Hub.Adapters.VSmart.Oai;

/// <summary>
/// Reads an OAI-PMH 2.0 response (ListRecords, or an error) from a stream in one pass. Throws <see cref="XmlException"/>
/// or <see cref="FormatException"/> for a document that is not a whole, well-formed OAI-PMH response (a truncated
/// answer included), so a page is read whole or not at all.
/// </summary>
internal static class OaiPageParser
{
    public const string Namespace = "http://www.openarchives.org/OAI/2.0/";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public static OaiPage Parse(Stream stream)
    {
        using var xml = XmlReader.Create(stream, Settings);
        if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != "OAI-PMH" || xml.NamespaceURI != Namespace)
            throw new FormatException($"The answer is not an OAI-PMH response (root element '{xml.LocalName}').");
        DateTimeOffset? responseDate = null;
        var records = new List<OaiRecord>();
        string? token = null, errorCode = null, errorMessage = null;
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }
            switch (xml.LocalName)
            {
                case "responseDate":
                    responseDate = Date(xml.ReadElementContentAsString());
                    break;
                case "error":
                    errorCode ??= xml.GetAttribute("code");
                    var message = xml.ReadElementContentAsString();
                    errorMessage ??= message;
                    break;
                case "ListRecords" or "ListIdentifiers":
                    xml.Read();
                    break;
                case "record":
                    records.Add(Record(xml));
                    break;
                case "resumptionToken":
                    token = xml.ReadElementContentAsString().Trim();
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }
        if (responseDate is null) throw new FormatException("The OAI-PMH response has no responseDate.");
        return new OaiPage(responseDate.Value, records, token, errorCode, errorMessage);
    }

    private static OaiRecord Record(XmlReader xml)
    {
        string? identifier = null, metadata = null;
        DateTimeOffset? datestamp = null;
        var deleted = false;
        var depth = xml.Depth;
        xml.Read();
        while (!(xml.Depth == depth && xml.NodeType == XmlNodeType.EndElement) && !xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
                continue;
            }
            switch (xml.LocalName)
            {
                case "header":
                    deleted = xml.GetAttribute("status") == "deleted";
                    xml.Read();
                    break;
                case "identifier":
                    identifier = xml.ReadElementContentAsString().Trim();
                    break;
                case "datestamp":
                    datestamp = Date(xml.ReadElementContentAsString());
                    break;
                case "metadata":
                    if (xml.IsEmptyElement)
                    {
                        xml.Read();
                        break;
                    }
                    xml.Read();
                    while (xml.NodeType != XmlNodeType.Element && xml.NodeType != XmlNodeType.EndElement) xml.Read();
                    if (xml.NodeType == XmlNodeType.Element) metadata = xml.ReadOuterXml();
                    while (xml.NodeType != XmlNodeType.EndElement) xml.Read();
                    xml.Read();
                    break;
                default:
                    xml.Skip();
                    break;
            }
        }
        xml.Read();
        if (identifier is null || datestamp is null) throw new FormatException("An OAI-PMH record header lacks its identifier or datestamp.");
        return new OaiRecord(identifier, datestamp.Value, deleted, metadata);
    }

    /// <summary>A UTCdatetime of either granularity.</summary>
    public static DateTimeOffset Date(string text)
    {
        var value = text.Trim();
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];
        return DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? new DateTimeOffset(DateTime.SpecifyKind(parsed, DateTimeKind.Utc))
            : throw new FormatException($"'{value}' is not an OAI-PMH UTCdatetime.");
    }

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

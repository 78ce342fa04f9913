using System.Globalization;
using System.Xml;
using Lsb.Hub.Simulators.VSmart.State;

namespace Lsb.Hub.Simulators.VSmart.Records;

/// <summary>The mandatory <c>oai_dc</c> rendering of a bibliographic record (title, creator, type, identifiers, date, language).</summary>
internal static class DublinCore
{
    public const string Namespace = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public const string Elements = "http://purl.org/dc/elements/1.1/";
    public const string Schema = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";

    public static void Write(XmlWriter xml, TitleSnapshot t)
    {
        xml.WriteStartElement("oai_dc", "dc", Namespace);
        xml.WriteAttributeString("xmlns", "dc", null, Elements);
        xml.WriteAttributeString("xmlns", "xsi", null, OaiXml.SchemaInstance);
        xml.WriteAttributeString("xsi", "schemaLocation", OaiXml.SchemaInstance, $"{Namespace} {Schema}");
        Element(xml, "title", t.Title);
        if (t.Author is not null) Element(xml, "creator", t.Author);
        if (t.Publisher is not null) Element(xml, "publisher", t.Publisher);
        Element(xml, "date", t.Year.ToString(CultureInfo.InvariantCulture));
        Element(xml, "type", t.MaterialCode switch
        {
            "LB" or "CD" => "Sound",
            "DV" or "BR" => "MovingImage",
            "SP" => "PhysicalObject",
            _ => "Text",
        });
        if (t.Isbn is not null) Element(xml, "identifier", "urn:isbn:" + t.Isbn);
        Element(xml, "identifier", "vsmart:" + t.TitleNumber);
        Element(xml, "language", "dut");
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string value) => xml.WriteElementString(name, Elements, value);
}

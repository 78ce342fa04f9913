using System.Globalization;
using System.Text;
using System.Xml;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>
/// Writes the ISO 18626 v1.2 messages the hub sends. Elements are written in the order of the schema
/// (<c>ISO-18626-v1_2.xsd</c>, embedded and used for validation); a test validates every message the hub sends.
/// </summary>
public static class Iso18626Messages
{
    /// <summary>The ISO 18626 namespace.</summary>
    public const string Namespace = "http://illtransactions.org/2013/iso18626";

    /// <summary>A supplying-agency message.</summary>
    public static string SupplyingAgencyMessage(IsoHeader header, string reasonForMessage, string? answerYesNo, string? note, string? reasonUnfilled,
        string status, DateTimeOffset lastChange, DateTimeOffset? dueDate, DateTimeOffset? dateSent, string? itemId)
        => Write(w =>
        {
            w.WriteStartElement("supplyingAgencyMessage", Namespace);
            Header(w, header);
            w.WriteStartElement("messageInfo", Namespace);
            Element(w, "reasonForMessage", reasonForMessage);
            Element(w, "answerYesNo", answerYesNo);
            Element(w, "note", note);
            Element(w, "reasonUnfilled", reasonUnfilled);
            w.WriteEndElement();
            w.WriteStartElement("statusInfo", Namespace);
            Element(w, "status", status);
            if (dueDate is { } due) Element(w, "dueDate", Time(due));
            Element(w, "lastChange", Time(lastChange));
            w.WriteEndElement();
            if (dateSent is { } sent)
            {
                w.WriteStartElement("deliveryInfo", Namespace);
                Element(w, "dateSent", Time(sent));
                Element(w, "itemId", itemId);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });

    /// <summary>A requesting-agency message.</summary>
    public static string RequestingAgencyMessage(IsoHeader header, string action, string? note)
        => Write(w =>
        {
            w.WriteStartElement("requestingAgencyMessage", Namespace);
            Header(w, header);
            Element(w, "action", action);
            Element(w, "note", note);
            w.WriteEndElement();
        });

    /// <summary>A request (New, PatronRequest, Loan) carrying only a pseudonymous patron id.</summary>
    public static string Request(IsoHeader header, IsoBibliographic bibliographic, string? patronPseudonym, string? note)
        => Write(w =>
        {
            ArgumentNullException.ThrowIfNull(bibliographic);
            w.WriteStartElement("request", Namespace);
            Header(w, header);
            w.WriteStartElement("bibliographicInfo", Namespace);
            Element(w, "supplierUniqueRecordId", bibliographic.SupplierRecordId);
            Element(w, "title", bibliographic.Title);
            Element(w, "author", bibliographic.Author);
            if (bibliographic.Isbn is { Length: > 0 } isbn)
            {
                w.WriteStartElement("bibliographicItemId", Namespace);
                Element(w, "bibliographicItemIdentifier", isbn);
                Element(w, "bibliographicItemIdentifierCode", "ISBN");
                w.WriteEndElement();
            }
            RecordId(w, "PPN", bibliographic.Ppn);
            RecordId(w, "OCLC", bibliographic.OclcNumber);
            w.WriteEndElement();
            w.WriteStartElement("serviceInfo", Namespace);
            Element(w, "requestType", "New");
            Element(w, "requestSubType", "PatronRequest");
            Element(w, "serviceType", "Loan");
            Element(w, "note", note);
            w.WriteEndElement();
            if (patronPseudonym is not null)
            {
                w.WriteStartElement("patronInfo", Namespace);
                Element(w, "patronId", patronPseudonym);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });

    /// <summary>A confirmation: <c>requestConfirmation</c>, <c>supplyingAgencyMessageConfirmation</c> or <c>requestingAgencyMessageConfirmation</c>.</summary>
    public static string Confirmation(Iso18626MessageKind kind, Iso18626Confirmation c)
        => Write(w =>
        {
            ArgumentNullException.ThrowIfNull(c);
            w.WriteStartElement(kind switch
            {
                Iso18626MessageKind.SupplyingAgencyMessage => "supplyingAgencyMessageConfirmation",
                Iso18626MessageKind.RequestingAgencyMessage => "requestingAgencyMessageConfirmation",
                _ => "requestConfirmation",
            }, Namespace);
            w.WriteStartElement("confirmationHeader", Namespace);
            if (c.SupplyingAgency is not null) Agency(w, "supplyingAgencyId", c.SupplyingAgency);
            if (c.RequestingAgency is not null) Agency(w, "requestingAgencyId", c.RequestingAgency);
            Element(w, "timestamp", Time(c.Timestamp));
            Element(w, "requestingAgencyRequestId", c.RequestingAgencyRequestId);
            Element(w, "multipleItemRequestId", c.MultipleItemRequestId);
            Element(w, "timestampReceived", Time(c.TimestampReceived));
            Element(w, "messageStatus", c.Error is null ? "OK" : "ERROR");
            w.WriteEndElement();
            if (kind == Iso18626MessageKind.SupplyingAgencyMessage) Element(w, "reasonForMessage", c.ReasonForMessage);
            if (kind == Iso18626MessageKind.RequestingAgencyMessage) Element(w, "action", c.Action);
            if (c.Error is { } error)
            {
                w.WriteStartElement("errorData", Namespace);
                Element(w, "errorType", error.Type.ToString());
                Element(w, "errorValue", error.Value);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });

    /// <summary>An xs:dateTime in UTC with milliseconds.</summary>
    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Header(XmlWriter w, IsoHeader h)
    {
        w.WriteStartElement("header", Namespace);
        Agency(w, "supplyingAgencyId", h.SupplyingAgency);
        Agency(w, "requestingAgencyId", h.RequestingAgency);
        w.WriteElementString("multipleItemRequestId", Namespace, string.Empty);
        Element(w, "timestamp", Time(h.Timestamp));
        w.WriteElementString("requestingAgencyRequestId", Namespace, h.RequestingAgencyRequestId);
        Element(w, "supplyingAgencyRequestId", h.SupplyingAgencyRequestId);
        w.WriteEndElement();
    }

    private static void Agency(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name, Namespace);
        Element(w, "agencyIdType", "ISIL");
        w.WriteElementString("agencyIdValue", Namespace, value);
        w.WriteEndElement();
    }

    private static void RecordId(XmlWriter w, string code, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        w.WriteStartElement("bibliographicRecordId", Namespace);
        Element(w, "bibliographicRecordIdentifierCode", code);
        Element(w, "bibliographicRecordIdentifier", value);
        w.WriteEndElement();
    }

    private static void Element(XmlWriter w, string name, string? value)
    {
        if (value is not null) w.WriteElementString(name, Namespace, value);
    }

    private static string Write(Action<XmlWriter> body)
    {
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            w.WriteStartDocument();
            w.WriteStartElement("ISO18626Message", Namespace);
            w.WriteAttributeString("xmlns", "ill", null, Namespace);
            w.WriteAttributeString("version", Namespace, "1.2");
            body(w);
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        // A StringBuilder-backed writer declares utf-16; the message travels as UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}

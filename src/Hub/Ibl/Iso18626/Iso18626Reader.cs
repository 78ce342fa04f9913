using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>
/// Reads a posted ISO 18626 message: XML, then the schema, then the header. Each failure becomes the error type
/// ISO 18626 prescribes for it: not XML, a DOCTYPE, nesting deeper than <see cref="MaxDepth"/>, or not an ISO 18626
/// message → BadlyFormedMessage; an element the schema does not know → UnrecognisedDataElement; a bad action →
/// UnsupportedActionType; a bad reason for message → UnsupportedReasonForMessageType; any other bad value →
/// UnrecognisedDataValue. NEVER throws for bad input.
/// </summary>
public static class Iso18626Reader
{
    /// <summary>
    /// The deepest element nesting read (the root is 0). ISO 18626 v1.2 nests fewer than 10 deep; the limit is checked
    /// before the message is parsed into a tree, because schema validation walks the tree recursively and a message of
    /// tens of thousands of nested elements (well within <see cref="Iso18626Endpoint.MaxBytes"/>) overflowed the stack
    /// and took the whole hub down.
    /// </summary>
    public const int MaxDepth = 32;

    private static readonly XNamespace Ns = Iso18626Messages.Namespace;

    // ISO 18626 messages carry no DOCTYPE; refusing one also closes entity-expansion tricks.
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };

    /// <summary>Reads <paramref name="text"/>. Returns the message, or the kind it seems to be and the error.</summary>
    public static (Iso18626Inbound? Message, Iso18626MessageKind Kind, Iso18626Error? Error, XElement? Partial) Read(string text)
    {
        XDocument document;
        try
        {
            if (DeeperThanAllowed(text))
            {
                return (null, Iso18626MessageKind.Request, new Iso18626Error(Iso18626ErrorType.BadlyFormedMessage,
                    $"message: elements nested more than {MaxDepth} deep; an ISO 18626 message nests fewer than 10"), null);
            }
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            return (null, Iso18626MessageKind.Request, new Iso18626Error(Iso18626ErrorType.BadlyFormedMessage, $"message: not well-formed XML ({e.Message})"), null);
        }
        var root = document.Root;
        if (root is null || root.Name != Ns + "ISO18626Message")
        {
            return (null, Iso18626MessageKind.Request, new Iso18626Error(Iso18626ErrorType.BadlyFormedMessage,
                $"ISO18626Message: the root element is '{root?.Name}', expected ISO18626Message in namespace {Iso18626Messages.Namespace}"), null);
        }
        var body = root.Elements().FirstOrDefault();
        var kind = body?.Name.LocalName switch
        {
            "supplyingAgencyMessage" => Iso18626MessageKind.SupplyingAgencyMessage,
            "requestingAgencyMessage" => Iso18626MessageKind.RequestingAgencyMessage,
            _ => Iso18626MessageKind.Request,
        };
        var errors = Iso18626Schema.Validate(document);
        if (errors.Count > 0) return (null, kind, Classify(errors[0].At, errors[0].Message), body);
        if (body is null || body.Name.LocalName is not ("request" or "supplyingAgencyMessage" or "requestingAgencyMessage"))
        {
            return (null, kind, new Iso18626Error(Iso18626ErrorType.BadlyFormedMessage,
                $"ISO18626Message: holds {body?.Name.LocalName ?? "nothing"}; a peer sends request, supplyingAgencyMessage or requestingAgencyMessage"), body);
        }
        var header = body.Element(Ns + "header")!;
        string Text(XElement? e) => e?.Value.Trim() ?? string.Empty;
        var supplying = header.Element(Ns + "supplyingAgencyId");
        var requesting = header.Element(Ns + "requestingAgencyId");
        DateTimeOffset? timestamp = DateTimeOffset.TryParse(Text(header.Element(Ns + "timestamp")), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts) ? ts : null;
        var supplierRequestId = Text(header.Element(Ns + "supplyingAgencyRequestId"));
        var message = new Iso18626Inbound(kind, body,
            Text(supplying?.Element(Ns + "agencyIdValue")), Text(supplying?.Element(Ns + "agencyIdType")),
            Text(requesting?.Element(Ns + "agencyIdValue")), Text(requesting?.Element(Ns + "agencyIdType")),
            Text(header.Element(Ns + "requestingAgencyRequestId")), supplierRequestId.Length == 0 ? null : supplierRequestId,
            header.Element(Ns + "multipleItemRequestId")?.Value, timestamp);
        return (message, kind, null, body);
    }

    /// <summary>True when an element lies deeper than <see cref="MaxDepth"/>; reads as a stream, so depth costs no stack.</summary>
    private static bool DeeperThanAllowed(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth > MaxDepth) return true;
        }
        return false;
    }

    private static Iso18626Error Classify(XObject? at, string message)
    {
        var element = at as XElement ?? at?.Parent;
        var name = element?.Name.LocalName ?? "ISO18626Message";
        var value = element is { HasElements: false } ? element.Value.Trim() : null;
        if (element is not null && element.Name.Namespace != Ns)
            return new(Iso18626ErrorType.UnrecognisedDataElement, $"{name}: not an ISO 18626 element ({element.Name})");
        if (!Iso18626Schema.ElementNames.Contains(name))
            return new(Iso18626ErrorType.UnrecognisedDataElement, $"{name}: ISO 18626 v1.2 has no such element");
        if (value is not null && (message.Contains("invalid according to its datatype", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Enumeration constraint failed", StringComparison.OrdinalIgnoreCase)))
        {
            return name switch
            {
                "action" => new(Iso18626ErrorType.UnsupportedActionType,
                    $"action: '{value}' is not an ISO 18626 action (StatusRequest, Received, Cancel, Renew, ShippedReturn, ShippedForward, Notification)"),
                "reasonForMessage" => new(Iso18626ErrorType.UnsupportedReasonForMessageType,
                    $"reasonForMessage: '{value}' is not an ISO 18626 reason (RequestResponse, StatusRequestResponse, RenewResponse, CancelResponse, StatusChange, Notification)"),
                _ => new(Iso18626ErrorType.UnrecognisedDataValue, $"{name}: '{value}' is not a valid value ({message})"),
            };
        }
        return new(Iso18626ErrorType.BadlyFormedMessage, $"{name}: {message}");
    }
}

using System.Xml;
using System.Xml.Linq;
using Lsb.Hub.Simulators.VSmart.State;
using static Lsb.Hub.Simulators.VSmart.Ncip.NcipXml;

namespace Lsb.Hub.Simulators.VSmart.Ncip;

/// <summary>
/// Answers one NCIP 2.02 message of one installation (HTTP POST, XML; the answer is HTTP 200 even for a Problem). The
/// message is checked against the NCIP schema first; <c>ToAgencyId</c> names the library (V-smart agency) it is for.
/// Services: LookupUser, LookupItem, RequestItem, CancelRequestItem, CheckOutItem, CheckInItem, RenewItem, AcceptItem,
/// DeleteItem; anything else is an "Unsupported Service" problem.
/// </summary>
internal sealed partial class NcipResponder(InstallationState state)
{
    public XElement Respond(string body)
    {
        state.CountNcipMessage();
        XDocument document;
        try
        {
            document = XDocument.Parse(body, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return Message(MessagingProblem("Invalid Message Syntax Error", $"The message is not well-formed XML: {e.Message}"));
        }
        if (state.Options.ValidateNcipMessages && NcipSchema.Validate(document) is { } invalid)
            return Message(MessagingProblem("Invalid Message Syntax Error", $"The message does not validate against NCIP 2.02: {invalid}"));
        var service = document.Root?.Elements().FirstOrDefault();
        if (document.Root?.Name != N + "NCIPMessage" || service is null)
            return Message(MessagingProblem("Invalid Message Syntax Error", "The message is not an NCIPMessage in namespace http://www.niso.org/2008/ncip."));
        var name = service.Name.LocalName;
        var to = Text(service, "InitiationHeader", "ToAgencyId", "AgencyId");
        var from = Text(service, "InitiationHeader", "FromAgencyId", "AgencyId");
        if (!Handlers.ContainsKey(name))
            return Message(MessagingProblem("Unsupported Service", $"V-smart does not offer the NCIP service {name}."));
        if (to is null || !state.HasLibrary(to))
        {
            return Message(Response(name, from, to, Problem(NcipProblem.Of(name, "Unknown Agency",
                to is null ? "InitiationHeader/ToAgencyId names no library." : $"V-smart installation '{state.Spec.Name}' has no library '{to}'.",
                "ToAgencyId", to))));
        }
        var content = Handlers[name](this, service, to);
        return Message(Response(name, from, to, content));
    }

    private static readonly Dictionary<string, Func<NcipResponder, XElement, string, object?[]>> Handlers = new(StringComparer.Ordinal)
    {
        ["LookupUser"] = (r, s, a) => r.LookupUser(s, a),
        ["LookupItem"] = (r, s, a) => r.LookupItem(s, a),
        ["RequestItem"] = (r, s, a) => r.RequestItem(s, a),
        ["CancelRequestItem"] = (r, s, a) => r.CancelRequestItem(s, a),
        ["CheckOutItem"] = (r, s, a) => r.CheckOutItem(s, a),
        ["CheckInItem"] = (r, s, a) => r.CheckInItem(s, a),
        ["RenewItem"] = (r, s, a) => r.RenewItem(s, a),
        ["AcceptItem"] = (r, s, a) => r.AcceptItem(s, a),
        ["DeleteItem"] = (r, s, a) => r.DeleteItem(s, a),
    };

    private static XElement Response(string service, string? from, string? to, object?[] content)
    {
        var header = from is null || to is null ? null : E("ResponseHeader", E("FromAgencyId", AgencyId(to)), E("ToAgencyId", AgencyId(from)));
        return E(service + "Response", header, content);
    }

    private static object?[] Problem(NcipProblem problem)
        => [E("Problem", new XElement(N + "ProblemType", new XAttribute(N + "Scheme", problem.Scheme), problem.Type),
            Optional("ProblemDetail", problem.Detail), Optional("ProblemElement", problem.Element), Optional("ProblemValue", problem.Value))];

    private static XElement MessagingProblem(string type, string detail)
        => E("Problem", new XElement(N + "ProblemType", new XAttribute(N + "Scheme", MessagingErrors), type), E("ProblemDetail", detail));

    /// <summary>A borrower named by UserId (its type says id or card; without a type both are tried) or by
    /// AuthenticationInput (card number and PIN; the input types vendors use are all accepted).</summary>
    private static PatronKey? Patron(XElement service)
    {
        if (service.Element(N + "UserId") is { } user)
        {
            var value = Text(user, "UserIdentifierValue");
            var type = Text(user, "UserIdentifierType")?.ToUpperInvariant();
            return type switch
            {
                "BARCODE" or "BARCODE ID" or "CARD NUMBER" or "USERNAME" => new PatronKey(null, value),
                "INSTITUTION ID NUMBER" or "USER ID" or "BORROWER ID" => new PatronKey(value, null),
                _ => new PatronKey(value, value),
            };
        }
        string? card = null, pin = null;
        foreach (var input in service.Elements(N + "AuthenticationInput"))
        {
            var data = Text(input, "AuthenticationInputData");
            switch (Text(input, "AuthenticationInputType")?.ToUpperInvariant())
            {
                case "PIN" or "PASSWORD": pin = data; break;
                case "USER ID" or "BARCODE ID" or "BARCODE" or "USERNAME" or "LDAPUSERNAME" or "CARD NUMBER": card = data; break;
            }
        }
        return card is null ? null : new PatronKey(null, card, pin ?? string.Empty);
    }

    /// <summary>A copy named by ItemId: by barcode or by item id as its type says; without a type both are tried.</summary>
    private static ItemKey? Item(XElement? itemId)
    {
        if (itemId is null) return null;
        var value = Text(itemId, "ItemIdentifierValue");
        return Text(itemId, "ItemIdentifierType")?.ToUpperInvariant() switch
        {
            "BARCODE" or "ITEM BARCODE" => new ItemKey(null, value),
            "ITEM ID" or "ACCESSION NUMBER" => new ItemKey(value, null),
            _ => new ItemKey(value, value),
        };
    }

    private static object?[] Missing(string service, string element)
        => Problem(NcipProblem.Of(service, "Needed Data Missing", $"{service} needs {element}.", element));
}

using System.Xml.Linq;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>A message a peer sent, parsed: its kind, header values and the message element to read the rest from.</summary>
/// <param name="Kind">Request, supplying- or requesting-agency message.</param>
/// <param name="Message">The message element (child of ISO18626Message).</param>
/// <param name="SupplyingAgency">supplyingAgencyId/agencyIdValue.</param>
/// <param name="SupplyingAgencyType">supplyingAgencyId/agencyIdType.</param>
/// <param name="RequestingAgency">requestingAgencyId/agencyIdValue.</param>
/// <param name="RequestingAgencyType">requestingAgencyId/agencyIdType.</param>
/// <param name="RequestingAgencyRequestId">requestingAgencyRequestId.</param>
/// <param name="SupplyingAgencyRequestId">supplyingAgencyRequestId, if any.</param>
/// <param name="MultipleItemRequestId">multipleItemRequestId.</param>
/// <param name="Timestamp">The message's timestamp.</param>
public sealed record Iso18626Inbound(Iso18626MessageKind Kind, XElement Message, string SupplyingAgency, string SupplyingAgencyType,
    string RequestingAgency, string RequestingAgencyType, string RequestingAgencyRequestId, string? SupplyingAgencyRequestId,
    string? MultipleItemRequestId, DateTimeOffset? Timestamp)
{
    private static readonly XNamespace Ns = Iso18626Messages.Namespace;

    /// <summary>The text of a descendant path under the message (e.g. <c>messageInfo/reasonForMessage</c>), trimmed, or null.</summary>
    public string? Value(string path)
    {
        XElement? node = Message;
        foreach (var part in path.Split('/'))
        {
            node = node?.Element(Ns + part);
            if (node is null) return null;
        }
        var text = node.Value.Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The elements at a path under the message.</summary>
    public IEnumerable<XElement> Elements(string path)
    {
        var parts = path.Split('/');
        IEnumerable<XElement> nodes = [Message];
        foreach (var part in parts) nodes = nodes.Elements(Ns + part);
        return nodes;
    }
}

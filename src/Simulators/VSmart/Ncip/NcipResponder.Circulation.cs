using System.Globalization;
using System.Xml.Linq;
using Lsb.Hub.Simulators.VSmart.State;
using static Lsb.Hub.Simulators.VSmart.Ncip.NcipXml;

namespace Lsb.Hub.Simulators.VSmart.Ncip;

/// <summary>RequestItem, CancelRequestItem, CheckOutItem, CheckInItem, RenewItem, AcceptItem and DeleteItem.</summary>
internal sealed partial class NcipResponder
{
    private object?[] RequestItem(XElement service, string agency)
    {
        if (Patron(service) is not { } patron) return Missing("RequestItem", "UserId");
        var item = Item(service.Element(N + "ItemId"));
        var title = Text(service, "BibliographicId", "BibliographicRecordId", "BibliographicRecordIdentifier");
        if (item is null && title is null) return Missing("RequestItem", "ItemId or BibliographicId");
        var external = service.Element(N + "RequestId") is { } requestId ? $"{Text(requestId, "AgencyId")}/{Text(requestId, "RequestIdentifierValue")}" : null;
        var type = Text(service, "RequestType") ?? "Hold";
        var scope = Text(service, "RequestScopeType") ?? (item is null ? "Bibliographic Item" : "Item");
        var answer = state.RequestItem(agency, patron, item, title, external, type, scope, Text(service, "PickupLocation"));
        if (answer.Problem is { } problem) return Problem(problem);
        var request = answer.Value!;
        return
        [
            RequestId(agency, request.IdText),
            request.ItemId is { } itemId ? ItemId(agency, "Item Id", itemId.ToString(CultureInfo.InvariantCulture)) : null,
            UserId(agency, "Institution Id Number", request.BorrowerId.ToString(CultureInfo.InvariantCulture)),
            E("RequestType", request.RequestType), E("RequestScopeType", request.ScopeType),
        ];
    }

    private object?[] CancelRequestItem(XElement service, string agency)
    {
        if (Text(service, "RequestId", "RequestIdentifierValue") is not { } requestId) return Missing("CancelRequestItem", "RequestId");
        var answer = state.CancelRequest(agency, Patron(service), requestId);
        if (answer.Problem is { } problem) return Problem(problem);
        return [RequestId(agency, requestId), UserId(agency, "Institution Id Number", answer.Value!.BorrowerId.ToString(CultureInfo.InvariantCulture))];
    }

    private object?[] CheckOutItem(XElement service, string agency)
    {
        if (Patron(service) is not { } patron) return Missing("CheckOutItem", "UserId");
        if (Item(service.Element(N + "ItemId")) is not { } item) return Missing("CheckOutItem", "ItemId");
        DateOnly? due = Text(service, "DesiredDateDue") is { } desired && DateTimeOffset.TryParse(desired, CultureInfo.InvariantCulture, out var d)
            ? DutchTime.DateOf(d) : null;
        var answer = state.CheckOut(agency, patron, item, due);
        return answer.Problem is { } problem ? Problem(problem) : Loan(agency, answer.Value!, withDue: true);
    }

    private object?[] CheckInItem(XElement service, string agency)
    {
        if (Item(service.Element(N + "ItemId")) is not { } item) return Missing("CheckInItem", "ItemId");
        var answer = state.CheckIn(agency, item);
        if (answer.Problem is { } problem) return Problem(problem);
        var loan = answer.Value!;
        return [ItemId(agency, "Item Id", loan.ItemId.ToString(CultureInfo.InvariantCulture)), UserId(agency, "Institution Id Number", loan.BorrowerId.ToString(CultureInfo.InvariantCulture))];
    }

    private object?[] RenewItem(XElement service, string agency)
    {
        if (Item(service.Element(N + "ItemId")) is not { } item) return Missing("RenewItem", "ItemId");
        var answer = state.Renew(agency, Patron(service) ?? new PatronKey(null, null), item);
        return answer.Problem is { } problem ? Problem(problem) : Loan(agency, answer.Value!, withDue: true);
    }

    private object?[] AcceptItem(XElement service, string agency)
    {
        var requestId = Text(service, "RequestId", "RequestIdentifierValue");
        var barcode = Text(service, "ItemId", "ItemIdentifierValue");
        var title = Text(service, "ItemOptionalFields", "BibliographicDescription", "Title");
        if (requestId is null || barcode is null || title is null) return Missing("AcceptItem", "RequestId, ItemId and ItemOptionalFields/BibliographicDescription/Title");
        var owner = service.Element(N + "ItemOptionalFields")?.Element(N + "Location")?.Descendants(N + "LocationNameValue").FirstOrDefault()?.Value.Trim();
        var answer = state.AcceptItem(agency, barcode, title, Text(service, "ItemOptionalFields", "BibliographicDescription", "Author"), owner,
            Text(service, "PickupLocation"));
        if (answer.Problem is { } problem) return Problem(problem);
        return [RequestId(Text(service, "RequestId", "AgencyId") ?? agency, requestId), ItemId(agency, "Item Id", answer.Value!.IdText)];
    }

    private object?[] DeleteItem(XElement service, string agency)
    {
        if (Item(service.Element(N + "ItemId")) is not { } item) return Missing("DeleteItem", "ItemId");
        var answer = state.DeleteItem(agency, item);
        return answer.Problem is { } problem ? Problem(problem) : [ItemId(agency, "Item Id", answer.Value!.IdText)];
    }

    private static object?[] Loan(string agency, SimLoan loan, bool withDue)
        =>
        [
            ItemId(agency, "Item Id", loan.ItemId.ToString(CultureInfo.InvariantCulture)),
            UserId(agency, "Institution Id Number", loan.BorrowerId.ToString(CultureInfo.InvariantCulture)),
            withDue ? E("DateDue", Date(DutchTime.EndOfDay(loan.DueDate))) : null,
            E("RenewalCount", loan.Renewals.ToString(CultureInfo.InvariantCulture)),
        ];
}

using System.Globalization;
using System.Xml.Linq;
using Lsb.Hub.Simulators.VSmart.State;
using static Lsb.Hub.Simulators.VSmart.Ncip.NcipXml;

namespace Lsb.Hub.Simulators.VSmart.Ncip;

/// <summary>LookupUser and LookupItem. LookupUser returns only the optional fields asked for (UserElementType), so a
/// standing check carries no name or address.</summary>
internal sealed partial class NcipResponder
{
    private const decimal FineLimit = 10m;

    private object?[] LookupUser(XElement service, string agency)
    {
        if (Patron(service) is not { } key) return Missing("LookupUser", "UserId or AuthenticationInput");
        var answer = state.LookupUser(key);
        if (answer.Problem is { } problem) return Problem(problem);
        var view = answer.Value!;
        var b = view.Borrower;
        var wanted = service.Elements(N + "UserElementType").Select(e => e.Value.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var account = service.Element(N + "UserFiscalAccountDesired") is null ? null
            : E("UserFiscalAccount", E("AccountBalance", E("CurrencyCode", "EUR"), E("MonetaryValue", ((long)(b.Fines * 100)).ToString(CultureInfo.InvariantCulture))));
        var loans = service.Element(N + "LoanedItemsDesired") is null ? null
            : E("LoanedItemsCount", E("CirculationStatus", "On Loan"), E("LoanedItemCountValue", view.OpenLoans.ToString(CultureInfo.InvariantCulture)));
        var requests = service.Element(N + "RequestedItemsDesired") is null ? null
            : E("RequestedItemsCount", E("RequestType", "Hold"), E("RequestedItemCountValue", view.OpenRequests.ToString(CultureInfo.InvariantCulture)));
        var optional = new List<object?>();
        if (wanted.Contains("Name Information"))
        {
            optional.Add(E("NameInformation", E("PersonalNameInformation", E("StructuredPersonalUserName",
                Optional("Prefix", b.NamePrefix), E("GivenName", b.GivenName), E("Surname", b.FamilyName)))));
        }
        if (wanted.Contains("User Address Information") && b.Email is not null)
        {
            optional.Add(E("UserAddressInformation", E("UserAddressRoleType", "Home"),
                E("ElectronicAddress", E("ElectronicAddressType", "mailto"), E("ElectronicAddressData", b.Email))));
        }
        if (wanted.Contains("Date Of Birth")) optional.Add(E("DateOfBirth", b.BirthDate.ToString("yyyy-MM-dd'T00:00:00Z'", CultureInfo.InvariantCulture)));
        if (wanted.Contains("User Privilege"))
        {
            optional.Add(E("UserPrivilege", AgencyId(b.LibraryId), E("AgencyUserPrivilegeType", "PROFILE"),
                E("ValidFromDate", Day(b.RegisteredOn)), E("ValidToDate", Day(b.ValidUntil)),
                E("UserPrivilegeStatus", E("UserPrivilegeStatusType", b.Category)), E("UserPrivilegeDescription", "Lenerscategorie")));
            optional.Add(E("UserPrivilege", AgencyId(b.LibraryId), E("AgencyUserPrivilegeType", "STATUS"),
                E("UserPrivilegeStatus", E("UserPrivilegeStatusType", b.Status)), E("UserPrivilegeDescription", "Lenerstatus")));
        }
        if (wanted.Contains("Block Or Trap"))
        {
            if (b.Status == VSmartCodes.BorrowerBlocked) optional.Add(E("BlockOrTrap", AgencyId(b.LibraryId), E("BlockOrTrapType", "Block Check Out")));
            if (b.Status == VSmartCodes.BorrowerExpired) optional.Add(E("BlockOrTrap", AgencyId(b.LibraryId), E("BlockOrTrapType", "Membership Expired")));
            if (b.Fines > FineLimit) optional.Add(E("BlockOrTrap", AgencyId(b.LibraryId), E("BlockOrTrapType", "Excessive Fines")));
        }
        if (wanted.Contains("User Id")) optional.Add(UserId(b.LibraryId, "Barcode", b.CardNumber));
        var fields = optional.Count == 0 ? null : E("UserOptionalFields", optional.ToArray());
        return [UserId(b.LibraryId, "Institution Id Number", b.BorrowerId), account, loans, requests, fields];
    }

    private object?[] LookupItem(XElement service, string agency)
    {
        if (Item(service.Element(N + "ItemId")) is not { } key) return Missing("LookupItem", "ItemId");
        var answer = state.LookupItem(key);
        if (answer.Problem is { } problem) return Problem(problem);
        var v = answer.Value!;
        var bibliographic = E("BibliographicDescription", Optional("Author", v.Author),
            v.Isbn is null ? null : E("BibliographicItemId", E("BibliographicItemIdentifier", v.Isbn), E("BibliographicItemIdentifierCode", "ISBN")),
            E("BibliographicRecordId", E("BibliographicRecordIdentifier", v.TitleNumber), AgencyId(v.LibraryId)), E("Title", v.Title));
        var transaction = v.BorrowerId is null ? null : E("ItemTransaction", E("CurrentBorrower", UserId(v.LibraryId, "Institution Id Number", v.BorrowerId)));
        var location = E("Location", E("LocationType", "Permanent"), E("LocationName",
            E("LocationNameInstance", E("LocationNameLevel", "1"), E("LocationNameValue", v.LibraryId)),
            E("LocationNameInstance", E("LocationNameLevel", "2"), E("LocationNameValue", v.BranchCode)),
            E("LocationNameInstance", E("LocationNameLevel", "3"), E("LocationNameValue", v.Department))));
        return
        [
            ItemId(v.LibraryId, "Item Id", v.ItemId), transaction,
            E("ItemOptionalFields", bibliographic, E("CirculationStatus", CirculationStatus(v.Status)),
                E("ItemDescription", E("CallNumber", v.Shelfmark)), location,
                v.DueDate is { } due ? E("DateDue", Date(DutchTime.EndOfDay(due))) : null),
        ];
    }

    /// <summary>V-smart's item status as an NCIP circulation status (the value list of the NCIP implementation profile).</summary>
    private static string CirculationStatus(string status) => status switch
    {
        VSmartCodes.ItemAvailable => "Available On Shelf",
        VSmartCodes.ItemCheckedOut => "On Loan",
        VSmartCodes.ItemInTransit => "In Transit Between Library Locations",
        VSmartCodes.ItemOnHoldShelf => "Available For Pickup",
        VSmartCodes.ItemMissing => "Missing",
        VSmartCodes.ItemInProcess => "In Process",
        VSmartCodes.ItemReference => "Not Available",
        _ => "Circulation Status Undefined",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd'T00:00:00Z'", CultureInfo.InvariantCulture);
}

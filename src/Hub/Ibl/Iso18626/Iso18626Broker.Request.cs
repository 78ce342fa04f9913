using Lsb.Hub.Canonical.Events;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Storage;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>An ISO 18626 request from an external agency: a new interlibrary-loan request of the same process.</summary>
public sealed partial class Iso18626Broker
{
    private async Task<Iso18626Error?> RequestAsync(Iso18626Inbound m, CancellationToken cancellationToken)
    {
        if (CheckIds(m) is { } idError) return idError;
        if (Iso.Peer(m.RequestingAgency) is null)
            return Value("requestingAgencyId", $"'{m.RequestingAgency}' is not an agency this hub exchanges ISO 18626 messages with: ask its administrators to add it to Ibl:Iso18626:Peers");
        string? onlySupplier = null;
        if (!IsHub(m.SupplyingAgency))
        {
            if (!Isil.TryParse(m.SupplyingAgency, out var supplier, out _) || await installations.FindLibraryAsync(supplier, cancellationToken) is null)
                return Value("supplyingAgencyId", $"'{m.SupplyingAgency}' is neither this hub ({Iso.AgencyId}) nor a library it serves");
            onlySupplier = supplier.Value;
        }
        var requestType = m.Value("serviceInfo/requestType") ?? "New";
        if (requestType == "Retry")
            return Value("requestingAgencyPreviousRequestId", $"no request '{m.Value("serviceInfo/requestingAgencyPreviousRequestId")}' of {m.RequestingAgency} waits for a retry (the hub never answers RetryPossible): send a New request");
        if (requestType != "New")
            return Value("requestType", $"{requestType} is not supported: the hub answers every request with status changes; to ask where a request stands, send a requestingAgencyMessage StatusRequest");
        var serviceType = m.Value("serviceInfo/serviceType") ?? "Loan";
        if (serviceType == "Copy")
            return Value("serviceType", "Copy is not supplied: Dutch national interlibrary loan lends physical copies (Loan or CopyOrLoan)");
        var isbn = m.Elements("bibliographicInfo/bibliographicItemId")
            .Where(e => string.Equals(Child(e, "bibliographicItemIdentifierCode"), "ISBN", StringComparison.OrdinalIgnoreCase))
            .Select(e => Child(e, "bibliographicItemIdentifier")).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        string? Record(string code) => m.Elements("bibliographicInfo/bibliographicRecordId")
            .Where(e => string.Equals(Child(e, "bibliographicRecordIdentifierCode"), code, StringComparison.OrdinalIgnoreCase))
            .Select(e => Child(e, "bibliographicRecordIdentifier")).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var suggested = onlySupplier is not null ? [onlySupplier]
            : m.Elements("supplierInfo")
                .Select(e => (Order: int.TryParse(Child(e, "sortOrder"), out var o) ? o : int.MaxValue, Code: e.Element(e.Name.Namespace + "supplierCode")?.Element(e.Name.Namespace + "agencyIdValue")?.Value.Trim()))
                .Where(s => !string.IsNullOrEmpty(s.Code)).OrderBy(s => s.Order).Select(s => s.Code!).ToList();
        var now = clock.Now;
        var request = new IblRequest
        {
            Id = IblRequestId.New().ToString(), State = IblRequestState.New, Origin = IblOrigin.Iso18626, RequestingAgency = m.RequestingAgency,
            PeerRequestId = m.RequestingAgencyRequestId, SuggestedSuppliers = suggested.Count == 0 ? null : string.Join(',', suggested),
            Isbn = isbn, Ppn = Record("PPN"), OclcNumber = Record("OCLC"), Title = m.Value("bibliographicInfo/title"), Author = m.Value("bibliographicInfo/author"),
            CreatedAt = IblClock.Format(now), UpdatedAt = IblClock.Format(now), CreatedBy = "iso18626:" + m.RequestingAgency,
        };
        try
        {
            await process.CreateAsync(request, "iso18626:" + m.RequestingAgency, "iso18626", null, cancellationToken);
        }
        catch (IblDuplicateRequestException)
        {
            return Value("requestingAgencyRequestId", $"{m.RequestingAgency} already sent a request with id '{m.RequestingAgencyRequestId}': give every request its own id");
        }
        return null;
    }

    private static string? Child(System.Xml.Linq.XElement e, string name) => e.Element(e.Name.Namespace + name)?.Value.Trim();
}

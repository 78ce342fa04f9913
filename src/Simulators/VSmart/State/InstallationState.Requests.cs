namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>Requests (RequestItem, CancelRequestItem): item- or title-level, idempotent on the requester's RequestId.</summary>
internal sealed partial class InstallationState
{
    public NcipAnswer<SimRequest> RequestItem(string libraryId, PatronKey patron, ItemKey? item, string? titleNumber, string? externalReference,
        string requestType, string scopeType, string? pickupBranch)
    {
        lock (_gate)
        {
            const string Service = "RequestItem";
            if (externalReference is not null && _requestsByReference.TryGetValue(externalReference, out var known)) return _requests[known];
            if (FindBorrower(patron) is not { } borrower)
                return NcipProblem.Of(Service, "Unknown User", $"V-smart has no borrower '{patron.BorrowerId ?? patron.CardNumber}'.", "UserIdentifierValue", patron.BorrowerId ?? patron.CardNumber);
            if (borrower.Status != VSmartCodes.BorrowerOk)
                return NcipProblem.Of(Service, "User Blocked", $"Borrower {borrower.IdText} has status {borrower.Status} and may not place requests.", "UserIdentifierValue", borrower.IdText);
            SimCopy? copy = null;
            if (item is not null)
            {
                copy = FindCopy(item);
                if (copy is null || copy.Withdrawn || copy.LibraryId != libraryId)
                    return NcipProblem.Of(Service, "Unknown Item", $"Library '{libraryId}' has no copy '{item.ItemId ?? item.Barcode}'.", "ItemIdentifierValue", item.ItemId ?? item.Barcode);
                if (copy.Status is VSmartCodes.ItemReference or VSmartCodes.ItemMissing)
                    return NcipProblem.Of(Service, "Item Does Not Circulate", $"Copy {copy.IdText} has status {copy.Status}.", "ItemIdentifierValue", copy.IdText);
                titleNumber = copy.TitleNumber;
            }
            if (titleNumber is null || !_titles.TryGetValue(titleNumber, out var title) || title.Deleted
                || !title.Copies.Any(id => _copies[id] is { Withdrawn: false } c && c.LibraryId == libraryId))
            {
                return NcipProblem.Of(Service, "Unknown Item", $"Library '{libraryId}' has no copies of title '{titleNumber}'.", "BibliographicRecordIdentifier", titleNumber);
            }
            if (_requests.Values.Any(r => r.BorrowerId == borrower.Id && r.TitleNumber == titleNumber))
                return NcipProblem.Of(Service, "Duplicate Request", $"Borrower {borrower.IdText} already has a request for '{title.Title}'.", "BibliographicRecordIdentifier", titleNumber);
            var request = new SimRequest
            {
                Id = _nextRequestId++,
                BorrowerId = borrower.Id,
                LibraryId = libraryId,
                TitleNumber = titleNumber,
                ItemId = copy?.Id,
                PickupBranch = _libraries[libraryId].HasBranch(pickupBranch) ? pickupBranch : borrower.BranchCode,
                RequestType = requestType,
                ScopeType = scopeType,
                ExternalReference = externalReference,
            };
            _requests.Add(request.Id, request);
            if (externalReference is not null) _requestsByReference[externalReference] = request.Id;
            return request;
        }
    }

    public NcipAnswer<SimRequest> CancelRequest(string libraryId, PatronKey? patron, string requestId)
    {
        lock (_gate)
        {
            const string Service = "CancelRequestItem";
            if (ParseId(requestId) is not { } id || !_requests.TryGetValue(id, out var request) || request.LibraryId != libraryId)
                return NcipProblem.Of(Service, "Unknown Request", $"Library '{libraryId}' has no open request '{requestId}' (cancelled requests are removed).", "RequestIdentifierValue", requestId);
            if (patron is not null && FindBorrower(patron) is { } named && named.Id != request.BorrowerId)
                return NcipProblem.Of(Service, "Unknown Request", $"Request {requestId} does not belong to borrower {named.IdText}.", "RequestIdentifierValue", requestId);
            RemoveRequest(request);
            return request;
        }
    }

    public int OpenRequestCount(long borrowerId)
    {
        lock (_gate) return _requests.Values.Count(r => r.BorrowerId == borrowerId);
    }

    public IReadOnlyList<SimulatedRequest> ListRequests()
    {
        lock (_gate)
        {
            return [.. _requests.Values.OrderBy(r => r.Id).Select(r => new SimulatedRequest(r.IdText, r.LibraryId,
                r.BorrowerId.ToString(System.Globalization.CultureInfo.InvariantCulture), _borrowers[r.BorrowerId].CardNumber, r.TitleNumber,
                r.ItemId?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ExternalReference))];
        }
    }

    private void RemoveRequest(SimRequest request)
    {
        _requests.Remove(request.Id);
        if (request.ExternalReference is not null) _requestsByReference.Remove(request.ExternalReference);
    }
}

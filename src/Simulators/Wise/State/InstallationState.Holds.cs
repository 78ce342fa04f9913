using System.Globalization;
using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>Holds: <c>prepareHold</c> (as in the public docs), placing and cancelling.</summary>
internal sealed partial class InstallationState
{
    public WiseResult<WisePrepareHoldDto> PrepareHold(string patronSystemId, string libraryId, string titleNumber, string branchId)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (FindPatron(patronSystemId) is not { } patron || patron.LibraryId != libraryId)
                return WiseError.NotFound("PATRON_NOT_FOUND", $"Library '{libraryId}' has no patron '{patronSystemId}'.");
            var errors = Validate(library, patron, titleNumber, branchId);
            return new WisePrepareHoldDto
            {
                ValidationErrors = errors,
                HoldPossible = errors.Count == 0,
                PickupLocation = library.HasBranch(branchId) ? branchId : patron.BranchId,
                PickupLocations = [.. library.Spec.Branches.Select(b => new WisePickupLocationDto(b.BranchId, "B"))],
                ReservationCostDetails = new WiseCostDto(patron.Category == WiseCodes.CategoryYouth ? 0m : 1.00m, "EUR"),
                IllAllowed = true,
            };
        }
    }

    public WiseResult<WiseHoldDto> PlaceHold(string patronSystemId, string libraryId, WisePlaceHoldRequestDto request)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (FindPatron(patronSystemId) is not { } patron || patron.LibraryId != libraryId)
                return WiseError.NotFound("PATRON_NOT_FOUND", $"Library '{libraryId}' has no patron '{patronSystemId}'.");
            if (request.ExternalReference is { } reference && _holdsByReference.TryGetValue(reference, out var existing))
                return _holds[existing].Current;
            var titleNumber = request.TitleNumber;
            if (request.ItemId is not null)
            {
                if (FindItem(request.ItemId, null) is not { } item || item.LibraryId != libraryId)
                    return WiseError.NotFound("ITEM_NOT_FOUND", $"Library '{libraryId}' has no copy '{request.ItemId}'.");
                titleNumber = item.Current.TitleNumber;
            }
            var pickup = request.PickupBranchId ?? patron.BranchId;
            var errors = Validate(library, patron, titleNumber ?? string.Empty, pickup);
            if (errors.Count > 0) return new WiseError(422, errors[0].Code, errors[0].Message);
            var id = _nextHoldId++;
            var hold = new SimHold
            {
                Id = id, LibraryId = libraryId,
                Current = new WiseHoldDto
                {
                    HoldId = id.ToString(CultureInfo.InvariantCulture), PatronSystemId = patron.IdText, TitleNumber = titleNumber!,
                    ItemId = request.ItemId, PickupBranchId = pickup, Status = WiseCodes.HoldOpen, ExternalReference = request.ExternalReference,
                },
            };
            _holds.Add(id, hold);
            if (request.ExternalReference is { } r) _holdsByReference[r] = id;
            return hold.Current;
        }
    }

    public WiseResult<WiseHoldDto> CancelHold(string libraryId, string holdId)
    {
        lock (_gate)
        {
            if (!long.TryParse(holdId, CultureInfo.InvariantCulture, out var id) || !_holds.TryGetValue(id, out var hold) || hold.LibraryId != libraryId)
                return WiseError.NotFound("HOLD_NOT_FOUND", $"Library '{libraryId}' has no hold '{holdId}'.");
            if (hold.Current.Status == WiseCodes.HoldCancelled)
                return WiseError.Conflict("HOLD_ALREADY_CANCELLED", $"Hold {holdId} was already cancelled.");
            hold.Current = hold.Current with { Status = WiseCodes.HoldCancelled };
            return hold.Current;
        }
    }

    public IReadOnlyList<SimulatedHold> ListHolds()
    {
        lock (_gate)
        {
            return [.. _holds.Values.Select(h => new SimulatedHold(h.Current.HoldId, h.LibraryId, h.Current.PatronSystemId, h.Current.TitleNumber,
                h.Current.ItemId, h.Current.Status, h.Current.ExternalReference))];
        }
    }

    private List<WiseValidationErrorDto> Validate(LibraryState library, SimPatron patron, string titleNumber, string pickupBranchId)
    {
        var errors = new List<WiseValidationErrorDto>();
        if (patron.Status == WiseCodes.PatronBlocked) errors.Add(new("PATRON_BLOCKED", $"Patron {patron.IdText} is blocked."));
        if (patron.Status == WiseCodes.PatronExpired) errors.Add(new("PATRON_EXPIRED", $"Patron {patron.IdText}'s membership has expired."));
        if (!library.HasBranch(pickupBranchId)) errors.Add(new("INVALID_PICKUP_LOCATION", $"Branch '{pickupBranchId}' is not a pickup location of library '{library.Spec.LibraryId}'."));
        if (!_itemsByTitle.TryGetValue(titleNumber, out var copies) || !copies.Any(c => _items[c].LibraryId == library.Spec.LibraryId && !_items[c].Removed))
        {
            errors.Add(new("TITLE_NOT_FOUND", $"Library '{library.Spec.LibraryId}' has no copy of title '{titleNumber}'."));
        }
        else if (!copies.Select(c => _items[c]).Any(i => !i.Removed && i.Current.Status is not (WiseCodes.ItemNotForLoan or WiseCodes.ItemMissing or WiseCodes.ItemWithdrawn)))
        {
            errors.Add(new("NOT_HOLDABLE", $"Title '{titleNumber}' has no copy that can be held."));
        }
        return errors;
    }

    private bool HasOpenHold(string titleNumber, long? exceptPatron)
        => _holds.Values.Any(h => h.Current.TitleNumber == titleNumber && h.Current.Status == WiseCodes.HoldOpen
            && (exceptPatron is null || h.Current.PatronSystemId != exceptPatron.Value.ToString(CultureInfo.InvariantCulture)));
}

namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>Temporary copies for incoming interlibrary loans (AcceptItem, DeleteItem). Their title records are
/// suppressed from the OAI-PMH export, as V-smart suppresses ILL records.</summary>
internal sealed partial class InstallationState
{
    public NcipAnswer<SimCopy> AcceptItem(string libraryId, string barcode, string title, string? author, string? ownerIsil, string? pickupBranch)
    {
        lock (_gate)
        {
            const string Service = "AcceptItem";
            var library = Library(libraryId);
            if (FindCopyByBarcode(barcode) is { } existing)
            {
                return existing.Temporary && existing.LibraryId == libraryId
                    ? existing
                    : NcipProblem.Of(Service, "Duplicate Item", $"Barcode '{barcode}' belongs to a copy of this library system.", "ItemIdentifierValue", barcode);
            }
            var record = NewTitle(title, author, null, "BK", suppressed: true);
            return AddCopyCore(library, record, new CopyDraft
            {
                Barcode = barcode,
                BranchCode = library.HasBranch(pickupBranch) ? pickupBranch : library.MainBranch,
                Status = VSmartCodes.ItemOnHoldShelf,
            }, ownerIsil ?? "unknown");
        }
    }

    public NcipAnswer<SimCopy> DeleteItem(string libraryId, ItemKey item)
    {
        lock (_gate)
        {
            const string Service = "DeleteItem";
            if (FindCopy(item) is not { } copy || copy.Withdrawn || copy.LibraryId != libraryId)
                return NcipProblem.Of(Service, "Unknown Item", $"Library '{libraryId}' has no copy '{item.ItemId ?? item.Barcode}' (it may have been deleted already).", "ItemIdentifierValue", item.ItemId ?? item.Barcode);
            if (!copy.Temporary)
                return NcipProblem.Of(Service, "Item Not Deletable", $"Copy {copy.IdText} belongs to the collection; only temporary ILL copies are deleted through NCIP.", "ItemIdentifierValue", copy.IdText);
            if (copy.OpenLoanId is not null)
                return NcipProblem.Of(Service, "Item Not Deletable", $"Temporary copy {copy.IdText} is on loan: check it in first.", "ItemIdentifierValue", copy.IdText);
            Withdraw(copy);
            return copy;
        }
    }
}

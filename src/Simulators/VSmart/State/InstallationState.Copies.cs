using System.Globalization;

namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>Titles and copies: cataloguing, withdrawing (the copy stays in the record with status WD), deleting a title.</summary>
internal sealed partial class InstallationState
{
    public SimulatedCopy AddCopy(string libraryId, CopyDraft? draft)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (draft?.BranchCode is { } branch && !library.HasBranch(branch))
                throw new VSmartSimulatorException(400, "BRANCH_NOT_FOUND", $"Library '{libraryId}' has no branch '{branch}'.");
            if (draft?.Barcode is { } barcode && _copiesByBarcode.ContainsKey(barcode))
                throw new VSmartSimulatorException(409, "BARCODE_IN_USE", $"Barcode '{barcode}' is already in use.");
            if (draft?.TitleNumber is { } number && (!_titles.TryGetValue(number, out var existing) || existing.Deleted))
                throw new VSmartSimulatorException(404, "TITLE_NOT_FOUND", $"Title record '{number}' does not exist.");
            var title = draft?.TitleNumber is { } n ? _titles[n] : NewTitle(draft?.Title, draft?.Author, draft?.Isbn, draft?.MaterialCode, suppressed: false);
            return Show(AddCopyCore(library, title, draft));
        }
    }

    public SimulatedCopy WithdrawCopy(string itemId)
    {
        lock (_gate)
        {
            var copy = RequireCopy(itemId);
            if (copy.Withdrawn) throw new VSmartSimulatorException(409, "COPY_WITHDRAWN", $"Copy {itemId} was already withdrawn.");
            if (copy.OpenLoanId is not null)
                throw new VSmartSimulatorException(409, "COPY_ON_LOAN", $"Copy {itemId} is on loan: return it before withdrawing it.");
            Withdraw(copy);
            return Show(copy);
        }
    }

    /// <summary>Deletes a title from the catalogue: allowed only for a title that never had copies (V-smart keeps
    /// withdrawn copies in their record). OAI-PMH keeps a deleted header for it (deletedRecord=persistent).</summary>
    public void DeleteTitle(string titleNumber)
    {
        lock (_gate)
        {
            if (!_titles.TryGetValue(titleNumber, out var title) || title.Deleted)
                throw new VSmartSimulatorException(404, "TITLE_NOT_FOUND", $"Title record '{titleNumber}' does not exist.");
            if (title.Copies.Count > 0)
                throw new VSmartSimulatorException(409, "TITLE_HAS_COPIES",
                    $"Title record '{titleNumber}' has {title.Copies.Count} copies (withdrawn ones count: V-smart keeps them): a title with copies is never deleted.");
            title.Deleted = true;
            Touch(title);
        }
    }

    /// <summary>Catalogues a title without copies (e.g. to delete it again).</summary>
    public string AddTitle(string? titleText)
    {
        lock (_gate)
        {
            var title = NewTitle(titleText, null, null, null, suppressed: false);
            Touch(title);
            return title.TitleNumber;
        }
    }

    /// <summary>Sets a copy's status code (e.g. <c>MI</c> missing), as a librarian would.</summary>
    public SimulatedCopy SetCopyStatus(string itemId, string status)
    {
        lock (_gate)
        {
            var copy = RequireCopy(itemId);
            if (copy.Withdrawn) throw new VSmartSimulatorException(409, "COPY_WITHDRAWN", $"Copy {itemId} was withdrawn.");
            copy.Status = status;
            Touch(_titles[copy.TitleNumber], copy.BranchCode);
            return Show(copy);
        }
    }

    public SimulatedCopy? ShowCopy(string itemId)
    {
        lock (_gate) return FindCopyById(itemId) is { } copy ? Show(copy) : null;
    }

    /// <summary>Catalogues <paramref name="count"/> new records, each with 1 to <paramref name="maxCopiesPerRecord"/>
    /// copies in one library (or spread over all): the harvest benchmark's load.</summary>
    public GeneratedRecords GenerateRecords(int count, string? libraryId, int maxCopiesPerRecord)
    {
        lock (_gate)
        {
            var libraries = libraryId is null ? _libraries.Values.ToArray() : [Library(libraryId)];
            var copies = 0;
            for (var i = 0; i < count; i++)
            {
                var library = _faker.PickRandom(libraries);
                var title = NewTitle(null, null, null, null, suppressed: false);
                var n = _faker.Random.Int(1, Math.Max(1, maxCopiesPerRecord));
                for (var c = 0; c < n; c++) AddCopyCore(library, title, null);
                copies += n;
            }
            return new GeneratedRecords(count, copies);
        }
    }

    private SimCopy? FindCopyById(string? itemId) => ParseId(itemId) is { } id && _copies.TryGetValue(id, out var copy) ? copy : null;

    private SimCopy? FindCopyByBarcode(string? barcode)
        => barcode is not null && _copiesByBarcode.TryGetValue(barcode.Trim(), out var id) ? _copies[id] : null;

    private SimCopy RequireCopy(string itemId)
        => FindCopyById(itemId) ?? throw new VSmartSimulatorException(404, "COPY_NOT_FOUND", $"V-smart installation '{Spec.Name}' has no copy '{itemId}'.");

    private SimulatedCopy Show(SimCopy c)
        => new(c.IdText, c.LibraryId, c.BranchCode, c.Barcode, c.TitleNumber, _titles[c.TitleNumber].Title, c.Status, c.Withdrawn, c.Temporary);

    private void Withdraw(SimCopy copy)
    {
        copy.Withdrawn = true;
        copy.Status = VSmartCodes.ItemWithdrawn;
        _copiesByBarcode.Remove(copy.Barcode);
        _libraries[copy.LibraryId].Copies.Remove(copy.Id);
        Touch(_titles[copy.TitleNumber], copy.BranchCode);
    }

    private SimCopy AddCopyCore(LibraryState library, SimTitle title, CopyDraft? draft, string? ownerIsil = null)
    {
        var f = _faker;
        var temporary = ownerIsil is not null;
        var material = title.MaterialCode;
        var copy = new SimCopy
        {
            Id = _nextItemId++,
            TitleNumber = title.TitleNumber,
            LibraryId = library.Spec.LibraryId,
            BranchCode = draft?.BranchCode ?? library.RandomBranch(f.Random),
            Barcode = draft?.Barcode ?? NextBarcode(library),
            Status = draft?.Status ?? VSmartCodes.ItemAvailable,
            Policy = temporary ? VSmartCodes.PolicyTemporary
                : draft?.Policy ?? (material is "BK" or "GL" or "LB" or "ST" && f.Random.Bool(0.9f) ? VSmartCodes.PolicyIbl : VSmartCodes.PolicyLocal),
            CopyNumber = title.Copies.Count(id => _copies[id].LibraryId == library.Spec.LibraryId) + 1,
            Temporary = temporary,
            OwnerIsil = ownerIsil,
        };
        _copies.Add(copy.Id, copy);
        _copiesByBarcode.Add(copy.Barcode, copy.Id);
        title.Copies.Add(copy.Id);
        if (!temporary) library.Copies.Add(copy.Id);
        Touch(title, copy.BranchCode);
        return copy;
    }

    private SimTitle NewTitle(string? text, string? author, string? isbn, string? material, bool suppressed)
    {
        var f = _faker;
        material ??= f.Random.WeightedRandom(VSmartCodes.Materials.Select(m => m.Code).ToArray(), VSmartCodes.Materials.Select(m => m.Weight).ToArray());
        var informative = material == "BK" && f.Random.Bool(0.35f);
        var youth = material == "BK" && f.Random.Bool(0.3f);
        author ??= material is "SP" or "TS" || suppressed ? null : f.Name.FullName();
        var (department, shelfmark) = suppressed ? ("IBL-plank", "IBL") : DutchTitles.Place(f, material, informative, youth, author);
        var title = new SimTitle
        {
            TitleNumber = Text(_nextTitleNumber++),
            Title = text ?? DutchTitles.Title(f, informative),
            Author = author,
            Isbn = isbn ?? (!suppressed && material is "BK" or "GL" or "LB" or "ST" ? DutchTitles.Isbn(f) : null),
            Ppn = !suppressed && f.Random.Bool(0.8f) ? f.Random.ReplaceNumbers("#########") : null,
            OclcNumber = !suppressed && f.Random.Bool(0.5f) ? f.Random.ReplaceNumbers("#########") : null,
            MaterialCode = material,
            Department = department,
            Shelfmark = shelfmark,
            Year = f.Random.Int(1975, Now.Year),
            Publisher = material is "BK" or "GL" or "ST" ? DutchTitles.Publisher(f) : null,
            Suppressed = suppressed,
        };
        _titles.Add(title.TitleNumber, title);
        if (!suppressed) _titleNumbers.Add(title.TitleNumber);
        return title;
    }

    private string NextBarcode(LibraryState library)
    {
        string barcode;
        var prefix = (Math.Abs(StableHash(library.Spec.LibraryId)) % 900) + 100;
        do barcode = string.Create(CultureInfo.InvariantCulture, $"3{prefix:D3}{_nextBarcodeSequence++:D9}");
        while (_copiesByBarcode.ContainsKey(barcode));
        return barcode;
    }
}

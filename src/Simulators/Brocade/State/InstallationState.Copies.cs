using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>Copies: adding, withdrawing, status changes, look-ups.</summary>
internal sealed partial class InstallationState
{
    public SimulatedCopy AddCopy(CopyDraft? draft) => Change(() =>
    {
        if (draft?.Barcode is { } barcode && _copiesByBarcode.ContainsKey(barcode))
            throw new BrocadeSimulatorException($"Barcode '{barcode}' is already in use.");
        if (draft?.TitleNumber is { } title && !_titles.ContainsKey(title))
            throw new BrocadeSimulatorException($"Title number '{title}' does not exist.");
        return Show(AddCopyCore(draft));
    });

    public SimulatedCopy WithdrawCopy(string copyNumber) => Change(() =>
    {
        var c = RequireCopy(copyNumber);
        if (c.OpenLoan is not null) throw new BrocadeSimulatorException($"Copy {copyNumber} is on loan: return it before withdrawing it.");
        c.Withdrawn = true;
        c.Status = BrocadeCodes.CopyWithdrawn;
        _copiesByBarcode.Remove(c.Barcode);
        Modified(c);
        return Show(c);
    });

    public SimulatedCopy SetCopyStatus(string copyNumber, string status) => Change(() =>
    {
        var c = RequireCopy(copyNumber);
        if (c.OpenLoan is not null) throw new BrocadeSimulatorException($"Copy {copyNumber} is on loan: its status follows the loan.");
        c.Status = status;
        Modified(c);
        return Show(c);
    });

    public SimulatedCopy? FindCopyShown(string copyNumber)
    {
        lock (_gate) return FindCopy(copyNumber) is { } c ? Show(c) : null;
    }

    /// <summary>A copy by barcode or copy number (SIP2 AB accepts both), or null.</summary>
    public SimCopy? FindItem(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier)) return null;
        if (_copiesByBarcode.TryGetValue(identifier, out var byBarcode)) return byBarcode;
        return FindCopy(identifier);
    }

    public SimTitle? FindTitle(string? titleNumber) => titleNumber is not null && _titles.TryGetValue(titleNumber, out var t) ? t : null;

    private SimCopy? FindCopy(string copyNumber)
        => long.TryParse(copyNumber, System.Globalization.CultureInfo.InvariantCulture, out var n) && _copies.TryGetValue(n, out var c) && !c.Withdrawn ? c : null;

    private SimCopy RequireCopy(string copyNumber)
        => FindCopy(copyNumber) ?? throw new BrocadeSimulatorException($"Brocade installation '{Spec.Name}' has no copy '{copyNumber}'.");

    private static SimulatedCopy Show(SimCopy c) => new(c.NumberText, c.Barcode, c.Title.Number, c.Title.Title, c.Library, c.Branch, c.Status);

    private void Modified(SimCopy c)
    {
        c.LastModified = Now;
        c.Version = Touch();
    }

    private SimCopy AddCopyCore(CopyDraft? draft)
    {
        var f = _faker;
        var library = Library(draft?.LibraryCode);
        var title = draft?.TitleNumber is { } number ? _titles[number]
            : draft?.Title is null && _titles.Count > 0 && f.Random.Bool(0.3f) ? _titles[Text(f.Random.Long(3_000_001, _nextTitle - 1))]
            : NewTitle(draft);
        var id = _nextCopy++;
        var copy = new SimCopy
        {
            Number = id,
            Barcode = draft?.Barcode ?? $"3{library.LibraryCode.Length}{_nextBarcode++:D11}",
            Title = title,
            Library = library.LibraryCode,
            Branch = Branch(library, draft?.BranchCode, f.Random),
            Status = draft?.Status ?? BrocadeCodes.CopyPresent,
            LendableForIbl = draft?.LendableForIbl ?? (title.Material is "BK" or "GL" or "LB" or "ST" && f.Random.Bool(0.9f)),
        };
        _copies.Add(id, copy);
        _copiesByBarcode.Add(copy.Barcode, copy);
        Modified(copy);
        copy.Created = copy.Version;
        return copy;
    }

    private SimTitle NewTitle(CopyDraft? draft)
    {
        var f = _faker;
        var material = draft?.Material ?? f.Random.WeightedRandom(BrocadeCodes.Materials.Select(m => m.Code).ToArray(), BrocadeCodes.Materials.Select(m => m.Weight).ToArray());
        var author = draft?.Author ?? (material is "SP" or "TS" ? null : f.Name.FullName());
        var (generated, location, shelfmark) = DutchCatalogue.Describe(f, material, author);
        var number = Text(_nextTitle++);
        var title = new SimTitle(number, draft?.Title ?? generated, author,
            draft?.Isbn ?? (material is "BK" or "GL" or "LB" or "ST" ? DutchCatalogue.Isbn(f) : null),
            f.Random.Bool(0.8f) ? f.Random.ReplaceNumbers("#########") : null, material, location, shelfmark);
        _titles.Add(number, title);
        return title;
    }
}

using System.Globalization;
using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>Copies: adding, changing, withdrawing, and temporary copies for interlibrary loan.</summary>
internal sealed partial class InstallationState
{
    private readonly Dictionary<string, SimTitle> _titles = new(StringComparer.Ordinal);
    private readonly List<string> _titleNumbers = [];

    public SimulatedCopy AddItem(string libraryId, ItemDraft? draft)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (draft?.BranchId is { } branch && !library.HasBranch(branch))
                throw new WiseSimulatorException(400, "BRANCH_NOT_FOUND", $"Library '{libraryId}' has no branch '{branch}'.");
            if (draft?.Barcode is { } barcode && _itemsByBarcode.ContainsKey(barcode))
                throw new WiseSimulatorException(409, "BARCODE_IN_USE", $"Barcode '{barcode}' is already in use.");
            if (draft?.TitleNumber is { } title && !_titles.ContainsKey(title))
                throw new WiseSimulatorException(404, "TITLE_NOT_FOUND", $"Title number '{title}' does not exist.");
            return Show(AddItemCore(library, draft));
        }
    }

    public SimulatedCopy WithdrawItem(string itemId)
    {
        lock (_gate)
        {
            var item = RequireItem(itemId);
            if (item.OpenLoanId is not null)
                throw new WiseSimulatorException(409, "ITEM_ON_LOAN", $"Copy {itemId} is on loan: return it before withdrawing it.");
            RemoveItem(item);
            return Show(item);
        }
    }

    public SimulatedCopy? ShowItem(string itemId)
    {
        lock (_gate) return long.TryParse(itemId, CultureInfo.InvariantCulture, out var id) && _items.TryGetValue(id, out var item) ? Show(item) : null;
    }

    public WiseResult<WiseItemDto> CreateTemporaryItem(string libraryId, WiseTemporaryItemRequestDto request)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (string.IsNullOrWhiteSpace(request.Barcode) || string.IsNullOrWhiteSpace(request.Title))
                return WiseError.Invalid("INVALID_REQUEST", "exemplaarnummer and titel are required.");
            if (request.BranchId is { } branch && !library.HasBranch(branch))
                return WiseError.Invalid("BRANCH_NOT_FOUND", $"Library '{libraryId}' has no branch '{branch}'.");
            if (_itemsByBarcode.TryGetValue(request.Barcode, out var existingId))
            {
                var existing = _items[existingId];
                return existing.Current.Temporary && existing.LibraryId == libraryId
                    ? existing.Current
                    : WiseError.Conflict("BARCODE_IN_USE", $"Barcode '{request.Barcode}' belongs to a copy of this system.");
            }
            var item = AddItemCore(library, new ItemDraft
            {
                Title = request.Title, Author = request.Author, Barcode = request.Barcode, BranchId = request.BranchId,
                MaterialType = "BOEK", Status = WiseCodes.ItemAvailable, LendableForIbl = false,
            }, temporaryOwner: request.OwnerIsil);
            return item.Current;
        }
    }

    public WiseResult<WiseItemDto> DeleteTemporaryItem(string libraryId, string itemId)
    {
        lock (_gate)
        {
            if (!long.TryParse(itemId, CultureInfo.InvariantCulture, out var id) || !_items.TryGetValue(id, out var item) || item.LibraryId != libraryId)
                return WiseError.NotFound("ITEM_NOT_FOUND", $"Library '{libraryId}' has no copy '{itemId}'.");
            if (item.Removed) return WiseError.NotFound("ITEM_ALREADY_DELETED", $"Temporary copy '{itemId}' was already deleted.");
            if (!item.Current.Temporary) return WiseError.Conflict("ITEM_NOT_TEMPORARY", $"Copy '{itemId}' is not a temporary copy and cannot be deleted this way.");
            if (item.OpenLoanId is not null) return WiseError.Conflict("ITEM_ON_LOAN", $"Temporary copy '{itemId}' is on loan: check it in first.");
            RemoveItem(item);
            return item.Current;
        }
    }

    private void RemoveItem(SimItem item)
    {
        var library = _libraries[item.LibraryId];
        EmitItem(library, item, item.Current with { Status = WiseCodes.ItemWithdrawn }, WiseCodes.ItemRemoved);
        item.Removed = true;
        library.Items.Remove(item.Id);
        _itemsByBarcode.Remove(item.Current.Barcode);
    }

    private SimItem RequireItem(string itemId)
        => FindItem(itemId, null) ?? throw new WiseSimulatorException(404, "ITEM_NOT_FOUND", $"Wise system '{Spec.Name}' has no copy '{itemId}'.");

    private static SimulatedCopy Show(SimItem i)
        => new(i.Current.ItemId, i.LibraryId, i.Current.BranchId, i.Current.Barcode, i.Current.TitleNumber, i.Current.Title, i.Current.Status, i.Current.Temporary);

    private SimItem AddItemCore(LibraryState library, ItemDraft? draft, string? temporaryOwner = null)
    {
        var f = _faker;
        var title = draft?.TitleNumber is { } number ? _titles[number]
            : draft?.Title is null && _titleNumbers.Count > 0 && f.Random.Bool(0.35f) ? _titles[f.PickRandom(_titleNumbers)]
            : NewTitle(draft);
        var material = title.MaterialType;
        var id = _nextItemId++;
        var item = new SimItem
        {
            Id = id,
            LibraryId = library.Spec.LibraryId,
            Current = new WiseItemDto
            {
                ItemId = id.ToString(CultureInfo.InvariantCulture),
                Barcode = draft?.Barcode ?? NextBarcode(library),
                TitleNumber = title.TitleNumber,
                Title = title.Title,
                Author = title.Author,
                Isbn = title.Isbn,
                Ppn = title.Ppn,
                MaterialType = material,
                BranchId = draft?.BranchId ?? library.RandomBranch(f.Random),
                Location = temporaryOwner is null ? title.Location : "IBL-plank",
                Shelfmark = temporaryOwner is null ? title.Shelfmark : "IBL",
                Status = draft?.Status ?? WiseCodes.ItemAvailable,
                LendableForIbl = draft?.LendableForIbl ?? (material is "BOEK" or "GRL" or "LUIS" or "STRIP" && f.Random.Bool(0.9f)),
                Temporary = temporaryOwner is not null,
                OwnerIsil = temporaryOwner,
                LastModified = default,
            },
        };
        _items.Add(id, item);
        _itemsByBarcode.Add(item.Current.Barcode, id);
        if (!_itemsByTitle.TryGetValue(title.TitleNumber, out var copies)) _itemsByTitle[title.TitleNumber] = copies = [];
        copies.Add(id);
        library.Items.Add(id);
        EmitItem(library, item, item.Current, WiseCodes.ItemNew);
        return item;
    }

    private SimTitle NewTitle(ItemDraft? draft)
    {
        var f = _faker;
        var material = draft?.MaterialType ?? f.Random.WeightedRandom(WiseCodes.MaterialTypes.Select(m => m.Code).ToArray(), WiseCodes.MaterialTypes.Select(m => m.Weight).ToArray());
        var informative = material == "BOEK" && f.Random.Bool(0.35f);
        var youth = material == "BOEK" && f.Random.Bool(0.3f);
        var author = draft?.Author ?? (material is "SPEL" or "TIJD" ? null : f.Name.FullName());
        var (location, shelfmark) = DutchTitles.Place(f, material, informative, youth, author);
        var number = (_nextTitleNumber++).ToString(CultureInfo.InvariantCulture);
        var title = new SimTitle(number, draft?.Title ?? DutchTitles.Title(f, informative), author,
            draft?.Isbn ?? (material is "BOEK" or "GRL" or "LUIS" or "STRIP" ? DutchTitles.Isbn(f) : null),
            f.Random.Bool(0.8f) ? f.Random.ReplaceNumbers("#########") : null, material, location, shelfmark);
        _titles.Add(number, title);
        _titleNumbers.Add(number);
        return title;
    }

    private string NextBarcode(LibraryState library)
    {
        string barcode;
        do barcode = string.Create(CultureInfo.InvariantCulture, $"3{library.Spec.LibraryId}{_nextBarcodeSequence++:D8}");
        while (_itemsByBarcode.ContainsKey(barcode));
        return barcode;
    }
}

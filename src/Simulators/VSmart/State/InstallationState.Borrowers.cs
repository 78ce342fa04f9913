using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>Borrower registration, changes, deletion and authentication.</summary>
internal sealed partial class InstallationState
{
    private static readonly string[] NamePrefixes = ["van", "de", "van der", "van den", "van de", "ter", "ten", "in 't"];

    public SimulatedBorrower AddBorrower(string libraryId, BorrowerDraft? draft)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (draft?.BranchCode is { } branch && !library.HasBranch(branch))
                throw new VSmartSimulatorException(400, "BRANCH_NOT_FOUND", $"Library '{libraryId}' has no branch '{branch}'.");
            if (draft?.CardNumber is { } card && _borrowersByCard.ContainsKey(card))
                throw new VSmartSimulatorException(409, "CARD_IN_USE", $"Card number '{card}' is already in use.");
            return Show(AddBorrowerCore(library, draft));
        }
    }

    public SimulatedBorrower UpdateBorrower(string borrowerId, BorrowerUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var borrower = RequireBorrower(borrowerId);
            if (update.BranchCode is { } branch && !_libraries[borrower.LibraryId].HasBranch(branch))
                throw new VSmartSimulatorException(400, "BRANCH_NOT_FOUND", $"Library '{borrower.LibraryId}' has no branch '{branch}'.");
            borrower.FamilyName = update.FamilyName ?? borrower.FamilyName;
            borrower.Street = update.Street ?? borrower.Street;
            borrower.HouseNumber = update.HouseNumber ?? borrower.HouseNumber;
            borrower.Postcode = update.Postcode ?? borrower.Postcode;
            borrower.City = update.City ?? borrower.City;
            borrower.Email = update.Email ?? borrower.Email;
            borrower.Category = update.Category ?? borrower.Category;
            borrower.Status = update.Status ?? borrower.Status;
            borrower.Pin = update.Pin ?? borrower.Pin;
            borrower.BranchCode = update.BranchCode ?? borrower.BranchCode;
            borrower.Fines = update.Fines ?? borrower.Fines;
            borrower.ConsentIntegralView = update.ConsentIntegralView ?? borrower.ConsentIntegralView;
            EmitBorrower(borrower, VSmartCodes.BorrowerChanged);
            return Show(borrower);
        }
    }

    public void DeleteBorrower(string borrowerId)
    {
        lock (_gate)
        {
            var borrower = RequireBorrower(borrowerId);
            if (borrower.OpenLoans > 0)
                throw new VSmartSimulatorException(409, "BORROWER_HAS_LOANS", $"Borrower {borrowerId} still has {borrower.OpenLoans} loan(s): return them first.");
            _borrowers.Remove(borrower.Id);
            _borrowersByCard.Remove(borrower.CardNumber);
            _libraries[borrower.LibraryId].Borrowers.Remove(borrower.Id);
            foreach (var request in _requests.Values.Where(r => r.BorrowerId == borrower.Id).ToList()) RemoveRequest(request);
            EmitBorrower(borrower, VSmartCodes.BorrowerRemoved);
        }
    }

    public SimulatedBorrower? ShowBorrower(string borrowerId)
    {
        lock (_gate) return FindBorrowerById(borrowerId) is { } borrower ? Show(borrower) : null;
    }

    public IReadOnlyList<SimulatedBorrower> ListBorrowers(string libraryId, int offset, int limit)
    {
        lock (_gate)
        {
            Library(libraryId);
            return [.. _borrowers.Values.Where(b => b.LibraryId == libraryId).OrderBy(b => b.Id).Skip(offset).Take(limit).Select(Show)];
        }
    }

    private SimBorrower? FindBorrowerById(string? borrowerId)
        => ParseId(borrowerId) is { } id && _borrowers.TryGetValue(id, out var borrower) ? borrower : null;

    private SimBorrower? FindBorrowerByCard(string? cardNumber)
        => cardNumber is not null && _borrowersByCard.TryGetValue(cardNumber.Trim(), out var id) ? _borrowers[id] : null;

    private SimBorrower RequireBorrower(string borrowerId)
        => FindBorrowerById(borrowerId) ?? throw new VSmartSimulatorException(404, "BORROWER_NOT_FOUND", $"V-smart installation '{Spec.Name}' has no borrower '{borrowerId}'.");

    private static bool PinMatches(SimBorrower borrower, string pin)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(borrower.Pin), Encoding.UTF8.GetBytes(pin));

    private static SimulatedBorrower Show(SimBorrower b) => new(b.IdText, b.LibraryId, b.BranchCode, b.CardNumber, b.Pin, b.FullName, b.Category, b.Status);

    private SimBorrower AddBorrowerCore(LibraryState library, BorrowerDraft? draft)
    {
        var f = _faker;
        var today = Today;
        var birth = draft?.BirthDate ?? today.AddDays(-f.Random.Int(5 * 365, 90 * 365));
        var age = today.Year - birth.Year;
        var female = f.Random.Bool();
        var category = draft?.Category ?? (age < 18 ? "02" : age >= 65 ? "03" : f.Random.WeightedRandom(["01", "04", "05"], [0.92f, 0.06f, 0.02f]));
        var registered = today.AddDays(-f.Random.Int(0, 12 * 365));
        var borrower = new SimBorrower
        {
            Id = _nextBorrowerId++,
            LibraryId = library.Spec.LibraryId,
            BranchCode = draft?.BranchCode ?? library.RandomBranch(f.Random),
            CardNumber = draft?.CardNumber ?? NextCardNumber(library),
            Pin = draft?.Pin ?? f.Random.ReplaceNumbers("####"),
            GivenName = draft?.GivenName ?? f.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male),
            NamePrefix = draft?.NamePrefix ?? (draft?.FamilyName is null && f.Random.Bool(0.2f) ? f.PickRandom(NamePrefixes) : null),
            FamilyName = draft?.FamilyName ?? f.Name.LastName(),
            BirthDate = birth,
            Gender = female ? "V" : "M",
            Street = f.Address.StreetName(),
            HouseNumber = f.Random.Int(1, 240).ToString(CultureInfo.InvariantCulture),
            Postcode = f.Random.ReplaceNumbers("####") + " " + f.Random.String2(2, "ABCDEFGHJKLMNPRSTVWXZ"),
            City = f.Address.City(),
            Email = f.Random.Bool(0.8f) ? f.Internet.Email() : null,
            Category = category,
            Status = draft?.Status ?? f.Random.WeightedRandom([VSmartCodes.BorrowerOk, VSmartCodes.BorrowerBlocked, VSmartCodes.BorrowerExpired], [0.93f, 0.04f, 0.03f]),
            RegisteredOn = registered,
            ValidUntil = registered.AddYears(1 + ((today.DayNumber - registered.DayNumber) / 365)),
            Fines = f.Random.Bool(0.1f) ? Math.Round(f.Random.Decimal(0.5m, 25m), 2) : 0m,
            ConsentIntegralView = draft?.ConsentIntegralView ?? (f.Random.Bool(0.3f) ? f.Random.Bool(0.6f) : null),
        };
        _borrowers.Add(borrower.Id, borrower);
        _borrowersByCard.Add(borrower.CardNumber, borrower.Id);
        library.Borrowers.Add(borrower.Id);
        EmitBorrower(borrower, VSmartCodes.BorrowerNew);
        return borrower;
    }

    private string NextCardNumber(LibraryState library)
    {
        string card;
        var prefix = (Math.Abs(StableHash(library.Spec.LibraryId)) % 900) + 100;
        do card = string.Create(CultureInfo.InvariantCulture, $"2{prefix:D3}{_nextCardSequence++:D10}");
        while (_borrowersByCard.ContainsKey(card));
        return card;
    }
}

using System.Globalization;
using Lsb.Hub.Simulators.Wise.Dialect;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>Patron registration, changes, deletion and authentication.</summary>
internal sealed partial class InstallationState
{
    private static readonly string[] NamePrefixes = ["van", "de", "van der", "van den", "van de", "ter", "ten", "in 't"];

    public SimulatedPatron AddPatron(string libraryId, PatronDraft? draft)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            if (draft?.BranchId is { } branch && !library.HasBranch(branch))
                throw new WiseSimulatorException(400, "BRANCH_NOT_FOUND", $"Library '{libraryId}' has no branch '{branch}'.");
            if (draft?.CardNumber is { } card && _patronsByCard.ContainsKey(card))
                throw new WiseSimulatorException(409, "CARD_IN_USE", $"Card number '{card}' is already in use.");
            return Show(AddPatronCore(library, draft));
        }
    }

    public SimulatedPatron UpdatePatron(string patronSystemId, PatronUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var patron = RequirePatron(patronSystemId);
            var library = _libraries[patron.LibraryId];
            if (update.BranchId is { } branch && !library.HasBranch(branch))
                throw new WiseSimulatorException(400, "BRANCH_NOT_FOUND", $"Library '{patron.LibraryId}' has no branch '{branch}'.");
            patron.FamilyName = update.FamilyName ?? patron.FamilyName;
            patron.Street = update.Street ?? patron.Street;
            patron.HouseNumber = update.HouseNumber ?? patron.HouseNumber;
            patron.Postcode = update.Postcode ?? patron.Postcode;
            patron.City = update.City ?? patron.City;
            patron.Email = update.Email ?? patron.Email;
            patron.Category = update.Category ?? patron.Category;
            patron.Status = update.Status ?? patron.Status;
            patron.Pin = update.Pin ?? patron.Pin;
            patron.BranchId = update.BranchId ?? patron.BranchId;
            TouchPatron(library, patron);
            return Show(patron);
        }
    }

    public void DeletePatron(string patronSystemId)
    {
        lock (_gate)
        {
            var patron = RequirePatron(patronSystemId);
            if (patron.OpenLoans > 0)
                throw new WiseSimulatorException(409, "PATRON_HAS_LOANS", $"Patron {patronSystemId} still has {patron.OpenLoans} loan(s): return them first.");
            var library = _libraries[patron.LibraryId];
            library.PatronsByModification.Remove((patron.LastModifiedTicks, patron.Id));
            library.Patrons.Remove(patron.Id);
            _patrons.Remove(patron.Id);
            _patronsByCard.Remove(patron.CardNumber);
            library.DeletedPatrons.Add(new WiseDeletedPatronDto(patron.IdText, patron.BranchId, NextStamp()));
        }
    }

    public SimulatedPatron? ShowPatron(string patronSystemId)
    {
        lock (_gate) return FindPatron(patronSystemId) is { } patron ? Show(patron) : null;
    }

    public IReadOnlyList<PatronPersonalData> PersonalData()
    {
        lock (_gate)
        {
            return [.. _patrons.Values.OrderBy(p => p.Id).Select(p => new PatronPersonalData(p.IdText, p.CardNumber, p.GivenName, p.NamePrefix,
                p.FamilyName, p.BirthDate, p.Street, p.HouseNumber, p.Postcode, p.City, p.Email, p.Phone))];
        }
    }

    public IReadOnlyList<SimulatedPatron> ListPatrons(string libraryId, int offset, int limit)
    {
        lock (_gate)
        {
            var library = Library(libraryId);
            return [.. _patrons.Values.Where(p => p.LibraryId == library.Spec.LibraryId).OrderBy(p => p.Id).Skip(offset).Take(limit).Select(Show)];
        }
    }

    public WiseResult<WiseAuthenticationDto> Authenticate(string? libraryId, string cardNumber, string pin)
    {
        lock (_gate)
        {
            var failed = new WiseError(401, "PATRON_AUTHENTICATION_FAILED", "Card number or password is incorrect.");
            if (!_patronsByCard.TryGetValue(cardNumber, out var id)) return failed;
            var patron = _patrons[id];
            if (libraryId is not null && patron.LibraryId != libraryId) return failed;
            if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(patron.Pin), System.Text.Encoding.UTF8.GetBytes(pin))) return failed;
            var now = _time.GetUtcNow();
            var endOfDay = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddTicks(-TimeSpan.TicksPerSecond), TimeSpan.Zero);
            return new WiseAuthenticationDto(Convert.ToHexString(Guid.NewGuid().ToByteArray()), patron.IdText, patron.LibraryId, endOfDay);
        }
    }

    private SimPatron RequirePatron(string patronSystemId)
        => FindPatron(patronSystemId) ?? throw new WiseSimulatorException(404, "PATRON_NOT_FOUND", $"Wise system '{Spec.Name}' has no patron '{patronSystemId}'.");

    private static SimulatedPatron Show(SimPatron p)
        => new(p.IdText, p.LibraryId, p.BranchId, p.CardNumber, p.Pin,
            string.Join(' ', new[] { p.GivenName, p.NamePrefix, p.FamilyName }.Where(s => !string.IsNullOrEmpty(s))), p.Category, p.Status);

    private SimPatron AddPatronCore(LibraryState library, PatronDraft? draft)
    {
        var f = _faker;
        var today = Today;
        var birth = draft?.BirthDate ?? today.AddDays(-f.Random.Int(6 * 365, 88 * 365));
        var age = today.Year - birth.Year;
        var isFemale = f.Random.Bool();
        var given = draft?.GivenName ?? f.Name.FirstName(isFemale ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        var family = draft?.FamilyName ?? f.Name.LastName();
        var patron = new SimPatron
        {
            Id = _nextPatronId++,
            LibraryId = library.Spec.LibraryId,
            CardNumber = draft?.CardNumber ?? NextCardNumber(library),
            BranchId = draft?.BranchId ?? library.RandomBranch(f.Random),
            Pin = draft?.Pin ?? f.Random.ReplaceNumbers("####"),
            GivenName = given,
            NamePrefix = draft?.FamilyName is null && f.Random.Bool(0.2f) ? f.PickRandom(NamePrefixes) : null,
            FamilyName = family,
            BirthDate = birth,
            Gender = isFemale ? "V" : "M",
            Street = f.Address.StreetName(),
            HouseNumber = f.Random.Int(1, 240).ToString(CultureInfo.InvariantCulture),
            HouseNumberSuffix = f.Random.Bool(0.1f) ? f.PickRandom("a", "b", "II", "bis") : null,
            Postcode = $"{f.Random.Int(1000, 9999)} {f.Random.String2(2, "ABCDEFGHJKLMNPRSTVWXZ")}",
            City = f.Address.City(),
            Email = f.Random.Bool(0.85f) ? f.Internet.Email(given, family, "voorbeeld.nl") : null,
            Phone = f.Random.Bool(0.7f) ? "06" + f.Random.ReplaceNumbers("########") : null,
            Category = draft?.Category ?? CategoryFor(age),
            Status = draft?.Status ?? f.Random.WeightedRandom([WiseCodes.PatronActive, WiseCodes.PatronBlocked, WiseCodes.PatronExpired], [0.93f, 0.05f, 0.02f]),
            RegisteredOn = today.AddDays(-f.Random.Int(0, 3650)),
            ExpiresOn = today.AddDays(f.Random.Int(1, 365)),
            Fines = f.Random.Bool(0.1f) ? Math.Round(f.Random.Decimal(0.5m, 12m), 2) : 0m,
        };
        if (draft?.Fines is { } fines) patron.Fines = fines; // after the random draws, so seeded data stays the same
        _patrons.Add(patron.Id, patron);
        _patronsByCard.Add(patron.CardNumber, patron.Id);
        library.Patrons.Add(patron.Id);
        patron.LastModifiedTicks = NextStamp().UtcTicks;
        library.PatronsByModification.Add((patron.LastModifiedTicks, patron.Id));
        return patron;
    }

    private string CategoryFor(int age)
    {
        if (_faker.Random.Bool(0.01f)) return WiseCodes.CategoryStaff;
        if (age < 18) return WiseCodes.CategoryYouth;
        if (age >= 65) return WiseCodes.CategorySenior;
        if (age < 26 && _faker.Random.Bool(0.3f)) return WiseCodes.CategoryStudent;
        return WiseCodes.CategoryAdult;
    }

    private string NextCardNumber(LibraryState library)
    {
        string card;
        do card = string.Create(CultureInfo.InvariantCulture, $"2{library.Spec.LibraryId}{_nextCardSequence++:D8}");
        while (_patronsByCard.ContainsKey(card));
        return card;
    }
}

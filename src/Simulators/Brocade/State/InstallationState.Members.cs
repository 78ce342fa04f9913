using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>Members: registration, changes, deletion, look-ups.</summary>
internal sealed partial class InstallationState
{
    private static readonly string[] Prefixes = ["van", "de", "van der", "van den", "ter", "in 't"];
    private static readonly string[] Notes = ["Bezorgservice; aan huis", "Voorkeur: grote letter", "Let op: nieuw adres; post retour", "Leesclub \"Noord\""];

    public SimulatedMember AddMember(MemberDraft? draft) => Change(() =>
    {
        if (draft?.CardNumber is { } card && _membersByCard.ContainsKey(card))
            throw new BrocadeSimulatorException($"Card number '{card}' is already in use.");
        return Show(AddMemberCore(draft));
    });

    public SimulatedMember UpdateMember(string memberNumber, MemberUpdate update) => Change(() =>
    {
        ArgumentNullException.ThrowIfNull(update);
        var m = RequireMember(memberNumber);
        m.FamilyName = update.FamilyName ?? m.FamilyName;
        m.Street = update.Street ?? m.Street;
        m.City = update.City ?? m.City;
        m.Email = update.Email ?? m.Email;
        m.Status = update.Status ?? m.Status;
        m.Category = update.Category ?? m.Category;
        m.Pin = update.Pin ?? m.Pin;
        m.RawBirthDate = update.RawBirthDate ?? m.RawBirthDate;
        m.Version = Touch();
        return Show(m);
    });

    public void DeleteMember(string memberNumber) => Change(() =>
    {
        var m = RequireMember(memberNumber);
        if (m.OpenLoans > 0) throw new BrocadeSimulatorException($"Member {memberNumber} still has {m.OpenLoans} loan(s): return them first.");
        m.Deleted = true;
        _membersByCard.Remove(m.Card);
        m.Version = Touch();
        return true;
    });

    public SimulatedMember? FindMemberShown(string memberNumber)
    {
        lock (_gate) return FindMember(memberNumber) is { } m ? Show(m) : null;
    }

    public IReadOnlyList<SimulatedMember> ListMembers(int offset, int limit)
    {
        lock (_gate) return [.. _members.Values.Where(m => !m.Deleted).OrderBy(m => m.Number).Skip(offset).Take(limit).Select(Show)];
    }

    /// <summary>A member by card number or member number (SIP2 AA accepts both), or null.</summary>
    public SimMember? FindPatron(string? identifier)
    {
        if (string.IsNullOrEmpty(identifier)) return null;
        if (_membersByCard.TryGetValue(identifier, out var byCard)) return byCard;
        return FindMember(identifier);
    }

    private SimMember? FindMember(string memberNumber)
        => long.TryParse(memberNumber, System.Globalization.CultureInfo.InvariantCulture, out var n) && _members.TryGetValue(n, out var m) && !m.Deleted ? m : null;

    private SimMember RequireMember(string memberNumber)
        => FindMember(memberNumber) ?? throw new BrocadeSimulatorException($"Brocade installation '{Spec.Name}' has no member '{memberNumber}'.");

    private static SimulatedMember Show(SimMember m) => new(m.NumberText, m.Card, m.Pin, m.Library, m.Branch, m.FullName, m.Category, m.Status);

    private SimMember AddMemberCore(MemberDraft? draft)
    {
        var f = _faker;
        var library = Library(draft?.LibraryCode);
        var today = Today;
        var birth = draft?.BirthDate ?? today.AddDays(-f.Random.Int(6 * 365, 88 * 365));
        var age = today.Year - birth.Year;
        var female = f.Random.Bool();
        var given = draft?.GivenName ?? f.Name.FirstName(female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
        var family = draft?.FamilyName ?? f.Name.LastName();
        var number = _nextMember++;
        var card = draft?.CardNumber;
        while (card is null || _membersByCard.ContainsKey(card)) card = $"2{Math.Abs(library.LibraryCode.GetHashCode(StringComparison.Ordinal)) % 90 + 10}{_nextCard++:D10}";
        var m = new SimMember
        {
            Number = number,
            Card = card,
            Pin = draft?.Pin ?? f.Random.ReplaceNumbers("####"),
            Library = library.LibraryCode,
            Branch = Branch(library, draft?.BranchCode, f.Random),
            GivenName = given,
            Prefix = draft?.FamilyName is null && f.Random.Bool(0.2f) ? f.PickRandom(Prefixes) : null,
            FamilyName = family,
            BirthDate = birth,
            Street = f.Address.StreetName(),
            HouseNumber = Text(f.Random.Int(1, 240)),
            Suffix = f.Random.Bool(0.1f) ? f.PickRandom("a", "b", "II", "bis") : null,
            Postcode = $"{f.Random.Int(1000, 9999)} {f.Random.String2(2, "ABCDEFGHJKLMNPRSTVWXZ")}",
            City = f.Address.City(),
            Email = f.Random.Bool(0.85f) ? f.Internet.Email(given, family, "voorbeeld.nl") : null,
            Phone = f.Random.Bool(0.7f) ? "06" + f.Random.ReplaceNumbers("########") : null,
            Category = draft?.Category ?? (age < 18 ? "J" : age >= 65 ? "S" : f.Random.Bool(0.02f) ? "P" : "V"),
            Status = draft?.Status ?? f.Random.WeightedRandom([BrocadeCodes.MemberActive, BrocadeCodes.MemberBlocked, BrocadeCodes.MemberExpired], [0.93f, 0.05f, 0.02f]),
            RegisteredOn = today.AddDays(-f.Random.Int(0, 3650)),
            ExpiresOn = today.AddDays(f.Random.Int(1, 365)),
            Consent = f.Random.Bool(0.3f),
            Note = draft?.Note ?? (f.Random.Bool(0.1f) ? f.PickRandom(Notes) : null),
            Fines = f.Random.Bool(0.1f) ? Math.Round(f.Random.Decimal(0.5m, 12m), 2) : 0m,
        };
        if (m.Status == BrocadeCodes.MemberExpired) m.ExpiresOn = today.AddDays(-f.Random.Int(1, 200));
        if (draft?.Fines is { } fines) m.Fines = fines; // after the random draws, so seeded data stays the same
        _members.Add(number, m);
        _membersByCard.Add(card, m);
        m.Version = m.Created = Touch();
        return m;
    }
}

using System.Globalization;
using Lsb.Hub.Simulators.Brocade.Control;
using Lsb.Hub.Simulators.Brocade.State;

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>The columns and records of the exports (docs/vendors/brocade.md), built from the state under its lock.</summary>
internal static class ExportLayouts
{
    public static readonly string[] MemberColumns =
    [
        "Lenersnummer", "Pasnummer", "Bibliotheek", "Vestiging", "Voornaam", "Tussenvoegsel", "Achternaam", "Geboortedatum", "Straat",
        "Huisnummer", "Toevoeging", "Postcode", "Woonplaats", "E-mailadres", "Telefoon", "Categorie", "Status", "Inschrijfdatum",
        "Einddatum lidmaatschap", "Toestemming klantbeeld", "Openstaand bedrag", "Opmerking",
    ];

    public static readonly string[] LoanColumns =
    [
        "Uitleningnummer", "Lenersnummer", "Pasnummer", "Exemplaarnummer", "Barcode", "Titel", "Bibliotheek", "Vestiging",
        "Uitleendatum", "Uitleentijd", "Inleverdatum", "Ingeleverd op", "Verlengd", "Status", "Gastpasnummer",
    ];

    public static readonly string[] ForeignTakeInColumns = ["Innamenummer", "Bibliotheek", "Vestiging", "Barcode", "Ingenomen op"];

    public static string?[] ForeignTakeInRow(SimForeignTakeIn t)
        => [t.Number.ToString(CultureInfo.InvariantCulture), t.Library, t.Branch, t.Barcode,
            DutchClock.Local(t.TakenInAt).ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture)];

    public static string?[] MemberRow(SimMember m, string? mutation)
    {
        string?[] row = mutation == "V"
            ? [m.NumberText, m.Card, m.Library, m.Branch, .. new string?[MemberColumns.Length - 4]]
            :
            [
                m.NumberText, m.Card, m.Library, m.Branch, m.GivenName, m.Prefix, m.FamilyName, m.RawBirthDate ?? Date(m.BirthDate), m.Street,
                m.HouseNumber, m.Suffix, m.Postcode, m.City, m.Email, m.Phone, m.Category, m.Status, Date(m.RegisteredOn), Date(m.ExpiresOn),
                m.Consent ? "J" : "N", m.Fines.ToString("0.00", CultureInfo.GetCultureInfo("nl-NL")), m.Note,
            ];
        return mutation is null ? row : [mutation, .. row];
    }

    public static string?[] LoanRow(SimLoan l, string status)
    {
        var lent = DutchClock.Local(l.LentAt);
        return
        [
            l.NumberText, l.Member.NumberText, l.Member.Card, l.Copy.NumberText, l.Copy.Barcode, l.Copy.Title.Title, l.Copy.Library, l.Branch,
            lent.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), lent.ToString("HH:mm:ss", CultureInfo.InvariantCulture), Date(l.DueDate),
            l.ReturnedAt is { } back ? DutchClock.Local(back).ToString("dd-MM-yyyy HH:mm:ss", CultureInfo.InvariantCulture) : null,
            l.Renewals.ToString(CultureInfo.InvariantCulture), status, l.GuestCardNumber,
        ];
    }

    /// <summary>One holdings record per copy: leader/06 x, 001 copy, 004 title, 005, 008, 020, 035, 852, 876 and local 960.</summary>
    public static byte[] HoldingRecord(SimCopy c, char status, MarcCharacterSetChoice characterSet)
    {
        var t = c.Title;
        var fields = new List<MarcField>
        {
            new("001", c.NumberText),
            new("003", "BROCADE"),
            new("004", t.Number),
            new("005", c.LastModified.UtcDateTime.ToString("yyyyMMddHHmmss.f", CultureInfo.InvariantCulture)),
            new("008", c.LastModified.UtcDateTime.ToString("yyMMdd", CultureInfo.InvariantCulture) + "0u    8   4001audut0000000"),
        };
        if (t.Isbn is not null) fields.Add(new("020", null, Subfields: [('a', t.Isbn)]));
        if (t.Ppn is not null) fields.Add(new("035", null, Subfields: [('a', "(NL-GGC)" + t.Ppn)]));
        fields.Add(new("852", null, Subfields: [('a', c.Library), ('b', c.Branch), ('c', t.Location), ('h', t.Shelfmark)]));
        fields.Add(new("876", null, Subfields: [('a', c.NumberText), ('p', c.Barcode), ('j', c.Status)]));
        var local = new List<(char, string)> { ('a', t.Title) };
        if (t.Author is not null) local.Add(('c', t.Author));
        local.Add(('m', t.Material));
        local.Add(('i', c.LendableForIbl ? "J" : "N"));
        fields.Add(new("960", null, Subfields: local));
        return Iso2709Builder.Build(status, 'x', characterSet, fields);
    }

    private static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}

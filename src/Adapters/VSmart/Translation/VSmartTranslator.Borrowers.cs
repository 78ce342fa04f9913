using System.Globalization;
using System.Xml.Linq;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Members;

namespace Lsb.Hub.Adapters.VSmart.Translation;

/// <summary>A borrower web-service entry: a borrower as it was after the change, or a deletion.</summary>
internal sealed partial class VSmartTranslator
{
    private CanonicalChange Borrower(VendorChange change, XElement entry)
    {
        var borrower = entry.Element(Ws + "lener") ?? throw Malformed(change, "has no <lener>");
        var libraryId = Attribute(borrower, "bibliotheek") ?? throw Malformed(change, "has a borrower without bibliotheek");
        var branch = Attribute(borrower, "vestiging");
        if (Attribute(entry, "soort") == "verwijdering")
        {
            return new MemberGone
            {
                LocalId = change.LocalId, SourceEventId = change.SourceEventId, SourceVersion = change.SourceVersion, OccurredAt = change.ChangedAt,
                HomeIsil = branch is null ? null : mappings.BranchIsil(installation, libraryId, branch),
            };
        }
        var prefix = Text(borrower, "tussenvoegsel");
        var family = Text(borrower, "achternaam");
        var address = borrower.Element(Ws + "adres");
        return new MemberSnapshot
        {
            LocalId = change.LocalId,
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = change.ChangedAt,
            HomeIsil = mappings.BranchIsil(installation, libraryId, branch),
            CardNumber = Text(borrower, "pasnummer") ?? throw Malformed(change, "has a borrower without pasnummer"),
            GivenName = Text(borrower, "voornaam"),
            FamilyName = prefix is null ? family : $"{prefix} {family}",
            BirthDate = Day(Text(borrower, "geboortedatum")),
            Address = address is null ? null
                : new PostalAddress(Text(address, "straat"), Text(address, "huisnummer"), Text(address, "postcode"), Text(address, "plaats")),
            Email = Text(borrower, "email"),
            Category = mappings.PatronCategory.Map(installation, Text(borrower, "categorie")),
            Status = mappings.PatronStatus.Map(installation, Text(borrower, "status")),
            ExpiresOn = Day(Text(borrower, "geldigTot")),
            RegisteredOn = Day(Text(borrower, "inschrijfdatum")),
            ConsentIntegralView = Text(borrower, "toestemmingKlantbeeld") switch { "ja" => true, "nee" => false, _ => null },
        };
    }

    private static DateOnly? Day(string? text)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

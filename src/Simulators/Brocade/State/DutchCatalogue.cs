using Bogus;
using Lsb.Hub.Simulators.Common;

namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>Plausible Dutch titles (some with diacritics, to exercise MARC-8 and Windows-1252), locations and shelfmarks.</summary>
internal static class DutchCatalogue
{
    private static readonly string[] Fiction =
    [
        "De ruïne van Brederode", "Het café aan de gracht", "Zoë en de zeeën", "Een reis naar Curaçao", "De stille rivier",
        "Het verloren eiland", "De laatste zomer", "Brieven uit Genève", "De gouden polder", "Het geheim van de vuurtoren",
        "Crème brûlée voor twee", "De koude winter", "Het lied van de dijk", "Naïef in Parijs", "De verborgen tuin", "Ærø in de herfst",
    ];

    private static readonly string[] NonFiction =
    [
        "Vogels in Nederland", "Tuinieren op klei", "Koken met seizoensgroenten", "De Gouden Eeuw", "Fietsroutes in Gelderland",
        "Bijen en vlinders", "Sterrenkunde voor beginners", "Programmeren in Python", "Het menselijk lichaam",
    ];

    public static (string Title, string Location, string Shelfmark) Describe(Faker f, string material, string? author)
    {
        var letters = DutchCatalogueText.AuthorCode(author, asciiOnly: true);
        var informative = material == "BK" && f.Random.Bool(0.35f);
        var title = informative ? f.PickRandom(NonFiction) : f.PickRandom(Fiction);
        if (f.Random.Bool(0.3f)) title += " " + f.Random.Int(2, 9).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (location, shelfmark) = material switch
        {
            "ST" => ("Strips", "STRIP " + letters),
            "GL" => ("Grote letter", "GL " + letters),
            "LB" => ("Luisterboeken", "LUIS " + letters),
            "CD" => ("Muziek", "CD " + f.PickRandom("POP", "KLAS", "JAZZ")),
            "DVD" or "BR" => ("Films", "FILM " + letters),
            "TS" => ("Tijdschriften", "TIJD"),
            "SP" => ("Spellen", "SPEL"),
            "BM" => ("Bladmuziek", "BLAD 785"),
            _ when informative => ("Volwassenen informatief", $"{f.Random.Int(100, 999)}.{f.Random.Int(1, 9)} {letters}"),
            _ => ("Volwassenen romans", "ROMAN " + letters),
        };
        return (title, location, shelfmark);
    }

    public static string Isbn(Faker f) => DutchCatalogueText.Isbn(f);
}

using Bogus;
using Lsb.Hub.Simulators.Common;

namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>Plausible Dutch titles, locations and shelfmarks for generated copies.</summary>
internal static class DutchTitles
{
    private static readonly TitleWords Words = new(
        Adjectives: ["stille", "verloren", "laatste", "gouden", "donkere", "eerste", "vergeten", "groene", "koude", "lange", "verborgen", "wilde", "kleine", "oude"],
        Nouns: ["rivier", "zomer", "storm", "brief", "tuin", "winter", "reis", "stad", "vogel", "zee", "nacht", "belofte", "dijk", "polder", "vuurtoren", "molen"],
        NeuterNouns: ["huis", "eiland", "meisje", "geheim", "water", "veld", "land", "uur", "lied"],
        Topics:
        ["vogels in Nederland", "tuinieren op klei", "de Tweede Wereldoorlog", "koken met seizoensgroenten", "programmeren in Python",
         "de Gouden Eeuw", "fietsroutes in Gelderland", "bijen en vlinders", "het menselijk lichaam", "sterrenkunde voor beginners"]);

    public static string Title(Faker f, bool informative) => DutchCatalogueText.Title(f, informative, Words);

    public static (string Location, string Shelfmark) Place(Faker f, string material, bool informative, bool youth, string? author)
    {
        var authorCode = DutchCatalogueText.AuthorCode(author);
        return material switch
        {
            "STRIP" => ("Strips", "STRIP " + authorCode),
            "GRL" => ("Grote letter", "GRL " + authorCode),
            "LUIS" => ("Luisterboeken", "LUIS " + authorCode),
            "CD" => ("Muziek", "CD " + f.PickRandom("POP", "KLAS", "JAZZ", "WERELD")),
            "DVD" or "BLU" => ("Films", "FILM " + authorCode),
            "TIJD" => ("Tijdschriften", "TIJD " + authorCode),
            "SPEL" => ("Spellen", "SPEL"),
            "BLAD" => ("Bladmuziek", "BLAD " + f.Random.Int(780, 789)),
            _ when youth => (f.PickRandom("Jeugd leesboeken", "Jeugd prentenboeken"), (informative ? "J " : "JEUGD ") + authorCode),
            _ when informative => ("Volwassenen informatief", $"{f.Random.Int(100, 999)}.{f.Random.Int(1, 9)} {authorCode}"),
            _ => ("Volwassenen romans", "ROMAN " + authorCode),
        };
    }

    public static string Isbn(Faker f) => DutchCatalogueText.Isbn(f);
}

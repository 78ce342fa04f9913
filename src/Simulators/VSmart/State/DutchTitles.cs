using Bogus;
using Lsb.Hub.Simulators.Common;

namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>Plausible Dutch titles, departments and shelfmarks for generated records.</summary>
internal static class DutchTitles
{
    private static readonly TitleWords Words = new(
        Adjectives: ["stille", "verloren", "laatste", "gouden", "donkere", "eerste", "vergeten", "groene", "koude", "lange", "verborgen", "wilde", "kleine", "oude"],
        Nouns: ["rivier", "zomer", "storm", "brief", "tuin", "winter", "reis", "stad", "vogel", "zee", "nacht", "belofte", "duin", "uiterwaard", "veenkolonie", "sluis"],
        NeuterNouns: ["huis", "eiland", "meisje", "geheim", "water", "veld", "land", "uur", "lied"],
        Topics:
        ["vogels in de duinen", "tuinieren op zand", "de Tachtigjarige Oorlog", "koken met peulvruchten", "programmeren in C#",
         "de Hanzesteden", "wandelen langs de rivieren", "bijen en hommels", "het menselijk brein", "weer en klimaat"]);
    private static readonly string[] Publishers = ["De Arbeiderspers", "Querido", "Atlas Contact", "Prometheus", "Lemniscaat", "Luitingh-Sijthoff", "Nijgh & Van Ditmar"];

    public static string Title(Faker f, bool informative) => DutchCatalogueText.Title(f, informative, Words);

    public static string Publisher(Faker f) => f.PickRandom(Publishers);

    public static (string Department, string Shelfmark) Place(Faker f, string material, bool informative, bool youth, string? author)
    {
        var authorCode = DutchCatalogueText.AuthorCode(author);
        return material switch
        {
            "ST" => ("Strips", "STRIP " + authorCode),
            "GL" => ("Grote letter", "GL " + authorCode),
            "LB" => ("Luisterboeken", "LB " + authorCode),
            "CD" => ("Muziek", "CD " + f.PickRandom("POP", "KLAS", "JAZZ", "WERELD")),
            "DV" or "BR" => ("Films", "FILM " + authorCode),
            "TS" => ("Tijdschriften", "TS " + authorCode),
            "SP" => ("Spellen", "SPEL"),
            "BM" => ("Bladmuziek", "BM " + f.Random.Int(780, 789)),
            _ when youth => (f.PickRandom("Jeugd leesboeken", "Jeugd prentenboeken"), (informative ? "J " : "JEUGD ") + authorCode),
            _ when informative => ("Volwassenen informatief", $"{f.Random.Int(100, 999)}.{f.Random.Int(1, 9)} {authorCode}"),
            _ => ("Volwassenen romans", "ROMAN " + authorCode),
        };
    }

    public static string Isbn(Faker f) => DutchCatalogueText.Isbn(f);
}

using Bogus;

namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>Plausible Dutch titles, departments and shelfmarks for generated records.</summary>
internal static class DutchTitles
{
    private static readonly string[] Adjectives =
        ["stille", "verloren", "laatste", "gouden", "donkere", "eerste", "vergeten", "groene", "koude", "lange", "verborgen", "wilde", "kleine", "oude"];
    private static readonly string[] Nouns =
        ["rivier", "zomer", "storm", "brief", "tuin", "winter", "reis", "stad", "vogel", "zee", "nacht", "belofte", "duin", "uiterwaard", "veenkolonie", "sluis"];
    private static readonly string[] NeuterNouns = ["huis", "eiland", "meisje", "geheim", "water", "veld", "land", "uur", "lied"];
    private static readonly string[] Topics =
        ["vogels in de duinen", "tuinieren op zand", "de Tachtigjarige Oorlog", "koken met peulvruchten", "programmeren in C#",
         "de Hanzesteden", "wandelen langs de rivieren", "bijen en hommels", "het menselijk brein", "weer en klimaat"];
    private static readonly string[] Publishers = ["De Arbeiderspers", "Querido", "Atlas Contact", "Prometheus", "Lemniscaat", "Luitingh-Sijthoff", "Nijgh & Van Ditmar"];

    public static string Title(Faker f, bool informative)
    {
        if (informative) return f.PickRandom("Alles over ", "Handboek ", "Basisboek ", "Ontdek ") + f.PickRandom(Topics);
        return f.Random.Int(0, 3) switch
        {
            0 => "De " + f.PickRandom(Adjectives) + " " + f.PickRandom(Nouns),
            1 => "Het " + f.PickRandom(Adjectives) + " " + f.PickRandom(NeuterNouns),
            2 => "Een " + f.PickRandom(Nouns) + " in " + f.Address.City(),
            _ => "Het " + f.PickRandom(NeuterNouns) + " van " + f.Name.FirstName(),
        };
    }

    public static string Publisher(Faker f) => f.PickRandom(Publishers);

    public static (string Department, string Shelfmark) Place(Faker f, string material, bool informative, bool youth, string? author)
    {
        var authorCode = Letters(author);
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

    public static string Isbn(Faker f)
    {
        var digits = "978" + f.Random.ReplaceNumbers("90#######");
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return digits + ((10 - (sum % 10)) % 10);
    }

    private static string Letters(string? author)
    {
        var surname = author?.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "ANON";
        var letters = new string([.. surname.Where(char.IsLetter).Take(4)]).ToUpperInvariant();
        return letters.Length == 0 ? "ANON" : letters;
    }
}

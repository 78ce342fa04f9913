using Bogus;

namespace Lsb.Hub.Simulators.Common;

/// <summary>The words a simulator builds its generated titles from (each vendor has its own, for variety).</summary>
public sealed record TitleWords(string[] Adjectives, string[] Nouns, string[] NeuterNouns, string[] Topics);

/// <summary>Generated Dutch catalogue data that does not depend on a vendor's material codes.</summary>
public static class DutchCatalogueText
{
    /// <summary>A plausible Dutch title: "Alles over …" for informative works, otherwise a novel's title.</summary>
    public static string Title(Faker f, bool informative, TitleWords words)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(words);
        if (informative) return f.PickRandom("Alles over ", "Handboek ", "Basisboek ", "Ontdek ") + f.PickRandom(words.Topics);
        return f.Random.Int(0, 3) switch
        {
            0 => "De " + f.PickRandom(words.Adjectives) + " " + f.PickRandom(words.Nouns),
            1 => "Het " + f.PickRandom(words.Adjectives) + " " + f.PickRandom(words.NeuterNouns),
            2 => "Een " + f.PickRandom(words.Nouns) + " in " + f.Address.City(),
            _ => "Het " + f.PickRandom(words.NeuterNouns) + " van " + f.Name.FirstName(),
        };
    }

    /// <summary>A valid ISBN-13 from a Dutch publisher's range (978-90).</summary>
    public static string Isbn(Faker f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var digits = "978" + f.Random.ReplaceNumbers("90#######");
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return digits + ((10 - (sum % 10)) % 10);
    }

    /// <summary>The shelfmark's author code: the first four letters of the surname, upper case ("ANON" without one).
    /// <paramref name="asciiOnly"/> drops letters with diacritics (a system that keeps shelfmarks in plain ASCII).</summary>
    public static string AuthorCode(string? author, bool asciiOnly = false)
    {
        var surname = author?.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "ANON";
        var letters = new string([.. surname.Where(c => asciiOnly ? char.IsAsciiLetter(c) : char.IsLetter(c)).Take(4)]).ToUpperInvariant();
        return letters.Length == 0 ? "ANON" : letters;
    }
}

namespace Lsb.Hub.CustomerView;

/// <summary>
/// The library organisation an ISIL belongs to. A Dutch ISIL <c>NL-TTRRRRLLLL</c> names a location (LLLL) of a legal
/// entity (TT type + RRRR): all locations of one entity are one library, so <c>NL-0851010001</c> (a branch) belongs to
/// the same library as <c>NL-0851010000</c> (its head office). Any other ISIL is its own organisation.
/// </summary>
public static class LibraryOrganisation
{
    private const int DutchOrganisationLength = 9; // "NL-" + TT + RRRR

    /// <summary>The organisation key of <paramref name="isil"/> (upper case).</summary>
    public static string Of(string isil)
    {
        ArgumentNullException.ThrowIfNull(isil);
        var value = isil.Trim().ToUpperInvariant();
        return value.Length == 13 && value.StartsWith("NL-", StringComparison.Ordinal) ? value[..DutchOrganisationLength] : value;
    }

    /// <summary>True when both ISILs belong to the same library organisation.</summary>
    public static bool Same(string a, string b) => string.Equals(Of(a), Of(b), StringComparison.Ordinal);
}

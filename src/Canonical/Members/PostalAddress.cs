namespace Lsb.Hub.Canonical.Members;

/// <summary>A Dutch postal address.</summary>
/// <param name="Street">Street name.</param>
/// <param name="HouseNumber">House number with any addition ("12a", "3-II").</param>
/// <param name="Postcode">Postcode, e.g. "2595 BE".</param>
/// <param name="City">City.</param>
public sealed record PostalAddress(string? Street, string? HouseNumber, string? Postcode, string? City)
{
    /// <summary>The four digits of a Dutch postcode (the area), or null when the postcode is not Dutch-shaped.</summary>
    public string? PostcodeArea
    {
        get
        {
            if (Postcode is null) return null;
            var digits = new string(Postcode.Where(char.IsAsciiDigit).Take(4).ToArray());
            return digits.Length == 4 ? digits : null;
        }
    }
}

namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>A member (lener) in memory.</summary>
internal sealed class SimMember
{
    public required long Number { get; init; }
    public required string Card { get; set; }
    public required string Pin { get; set; }
    public required string Library { get; init; }
    public required string Branch { get; set; }
    public required string GivenName { get; set; }
    public string? Prefix { get; set; }
    public required string FamilyName { get; set; }
    public DateOnly BirthDate { get; set; }
    public string? RawBirthDate { get; set; }
    public string? Street { get; set; }
    public string? HouseNumber { get; set; }
    public string? Suffix { get; set; }
    public string? Postcode { get; set; }
    public string? City { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public required string Category { get; set; }
    public required string Status { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public bool Consent { get; set; }
    public string? Note { get; set; }
    public decimal Fines { get; set; }
    public int OpenLoans { get; set; }
    public bool Deleted { get; set; }

    /// <summary>The mutation number of the last change (deltas take what changed after the previous one).</summary>
    public long Version { get; set; }

    /// <summary>The mutation number of its creation (a delta says N for new, W for changed).</summary>
    public long Created { get; set; }

    public string NumberText => Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string FullName => string.Join(' ', new[] { GivenName, Prefix, FamilyName }.Where(s => !string.IsNullOrEmpty(s)));
}

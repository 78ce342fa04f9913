namespace Lsb.Hub.Simulators.Wise;

/// <summary>Changes to a patron through the control API; null fields stay as they are.</summary>
public sealed record PatronUpdate
{
    /// <summary>Family name (achternaam).</summary>
    public string? FamilyName { get; init; }
    /// <summary>Street.</summary>
    public string? Street { get; init; }
    /// <summary>House number.</summary>
    public string? HouseNumber { get; init; }
    /// <summary>Postcode.</summary>
    public string? Postcode { get; init; }
    /// <summary>City (plaats).</summary>
    public string? City { get; init; }
    /// <summary>E-mail.</summary>
    public string? Email { get; init; }
    /// <summary>Category code.</summary>
    public string? Category { get; init; }
    /// <summary>Status code (ACT, BLOK, VERV).</summary>
    public string? Status { get; init; }
    /// <summary>New PIN.</summary>
    public string? Pin { get; init; }
    /// <summary>New home branch id.</summary>
    public string? BranchId { get; init; }
}

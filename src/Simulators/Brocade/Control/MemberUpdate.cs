namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>Changes to a member; null fields stay as they are.</summary>
public sealed record MemberUpdate
{
    /// <summary>Family name.</summary>
    public string? FamilyName { get; init; }
    /// <summary>Street.</summary>
    public string? Street { get; init; }
    /// <summary>City.</summary>
    public string? City { get; init; }
    /// <summary>E-mail.</summary>
    public string? Email { get; init; }
    /// <summary>Status code.</summary>
    public string? Status { get; init; }
    /// <summary>Category code.</summary>
    public string? Category { get; init; }
    /// <summary>PIN.</summary>
    public string? Pin { get; init; }
    /// <summary>Birth date written as is into the export (e.g. "31-02-1980" to make a broken row).</summary>
    public string? RawBirthDate { get; init; }
}

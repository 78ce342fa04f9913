namespace Lsb.Hub.Simulators.VSmart;

/// <summary>A borrower to register; null fields are generated.</summary>
public sealed record BorrowerDraft
{
    /// <summary>Card number (pasnummer).</summary>
    public string? CardNumber { get; init; }
    /// <summary>PIN.</summary>
    public string? Pin { get; init; }
    /// <summary>Given name.</summary>
    public string? GivenName { get; init; }
    /// <summary>Name prefix ("van der").</summary>
    public string? NamePrefix { get; init; }
    /// <summary>Family name.</summary>
    public string? FamilyName { get; init; }
    /// <summary>Date of birth.</summary>
    public DateOnly? BirthDate { get; init; }
    /// <summary>Borrower category code (lenerscategorie), e.g. <c>01</c>.</summary>
    public string? Category { get; init; }
    /// <summary>Status code: <c>OK</c>, <c>BL</c> or <c>VV</c>.</summary>
    public string? Status { get; init; }
    /// <summary>Home branch code.</summary>
    public string? BranchCode { get; init; }
    /// <summary>Consent to the integral customer view, as V-smart records it.</summary>
    public bool? ConsentIntegralView { get; init; }
}

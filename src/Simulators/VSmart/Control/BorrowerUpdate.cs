namespace Lsb.Hub.Simulators.VSmart;

/// <summary>Changes to a borrower; null fields stay as they are.</summary>
public sealed record BorrowerUpdate
{
    /// <summary>Family name.</summary>
    public string? FamilyName { get; init; }
    /// <summary>Street.</summary>
    public string? Street { get; init; }
    /// <summary>House number.</summary>
    public string? HouseNumber { get; init; }
    /// <summary>Postcode.</summary>
    public string? Postcode { get; init; }
    /// <summary>City.</summary>
    public string? City { get; init; }
    /// <summary>E-mail.</summary>
    public string? Email { get; init; }
    /// <summary>Category code.</summary>
    public string? Category { get; init; }
    /// <summary>Status code (<c>OK</c>, <c>BL</c>, <c>VV</c>).</summary>
    public string? Status { get; init; }
    /// <summary>PIN.</summary>
    public string? Pin { get; init; }
    /// <summary>Home branch code.</summary>
    public string? BranchCode { get; init; }
    /// <summary>Unpaid fines in euro.</summary>
    public decimal? Fines { get; init; }
    /// <summary>Consent to the integral customer view.</summary>
    public bool? ConsentIntegralView { get; init; }
}

namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>A member to register; null fields are generated.</summary>
public sealed record MemberDraft
{
    /// <summary>Library code.</summary>
    public string? LibraryCode { get; init; }
    /// <summary>Branch code.</summary>
    public string? BranchCode { get; init; }
    /// <summary>Card number (pasnummer).</summary>
    public string? CardNumber { get; init; }
    /// <summary>PIN (the SIP2 patron password AD).</summary>
    public string? Pin { get; init; }
    /// <summary>Unpaid fines in euro (default: random, mostly none).</summary>
    public decimal? Fines { get; init; }
    /// <summary>Given name.</summary>
    public string? GivenName { get; init; }
    /// <summary>Family name (with any prefix, e.g. "van der Berg").</summary>
    public string? FamilyName { get; init; }
    /// <summary>Date of birth.</summary>
    public DateOnly? BirthDate { get; init; }
    /// <summary>Category code: V, J, S, ST, P, I.</summary>
    public string? Category { get; init; }
    /// <summary>Status code: A (actief), G (geblokkeerd), V (vervallen).</summary>
    public string? Status { get; init; }
    /// <summary>A note, which may hold semicolons (it is quoted in the CSV).</summary>
    public string? Note { get; init; }
}

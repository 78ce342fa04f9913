namespace Lsb.Hub.Simulators.Wise;

/// <summary>A patron to register through the control API; every field left null is generated.</summary>
public sealed record PatronDraft
{
    /// <summary>Given name (voornaam).</summary>
    public string? GivenName { get; init; }
    /// <summary>Family name (achternaam).</summary>
    public string? FamilyName { get; init; }
    /// <summary>Card number (pasnummer); MUST be unique in the installation.</summary>
    public string? CardNumber { get; init; }
    /// <summary>PIN for patron authentication.</summary>
    public string? Pin { get; init; }
    /// <summary>Unpaid fines in euro (default: random, mostly none).</summary>
    public decimal? Fines { get; init; }
    /// <summary>Category code (e.g. VOLW, JEUGD).</summary>
    public string? Category { get; init; }
    /// <summary>Status code (ACT, BLOK, VERV).</summary>
    public string? Status { get; init; }
    /// <summary>Home branch id; the library's main branch when null.</summary>
    public string? BranchId { get; init; }
    /// <summary>Date of birth.</summary>
    public DateOnly? BirthDate { get; init; }
}

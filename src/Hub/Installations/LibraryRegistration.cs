namespace Lsb.Hub.Installations;

/// <summary>A library in an installation registration.</summary>
public sealed class LibraryRegistration
{
    /// <summary>The library's ISIL (ISO 15511; Dutch form NL-TTRRRRLLLL).</summary>
    public string? Isil { get; set; }

    /// <summary>The library's id in the vendor's system (Wise: the library organisation id).</summary>
    public string? VendorLibraryId { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }
}

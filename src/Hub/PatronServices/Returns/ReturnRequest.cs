namespace Lsb.Hub.PatronServices.Returns;

/// <summary>The body of <c>POST /api/v1/returns</c>: a copy handed in at a library, whichever library owns it.</summary>
public sealed class ReturnRequest
{
    /// <summary>The copy's barcode (required).</summary>
    public string? Barcode { get; set; }

    /// <summary>The library where it was handed in (required; the API key must act for it).</summary>
    public string? ReturningIsil { get; set; }

    /// <summary>Optional: the owning library, to settle a barcode that several library systems use (the 409 answer lists them).</summary>
    public string? OwningIsil { get; set; }
}

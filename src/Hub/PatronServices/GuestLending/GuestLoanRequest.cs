namespace Lsb.Hub.PatronServices.GuestLending;

/// <summary>The body of <c>POST /api/v1/guest-loans</c>: a library lends one of its copies to a member of another installation.</summary>
public sealed class GuestLoanRequest
{
    /// <summary>The lending library (required; the API key must act for it).</summary>
    public string? LendingIsil { get; set; }

    /// <summary>The barcode of the lending library's copy (required).</summary>
    public string? Barcode { get; set; }

    /// <summary>The member's card number (required).</summary>
    public string? CardNumber { get; set; }

    /// <summary>The member's PIN, when the desk asks for it: then the home system verifies it (throttled like
    /// authentication). Without it the member is looked up at home (the desk has seen the card). Never stored or logged.</summary>
    public string? Pin { get; set; }

    /// <summary>Optional: the member's home library, when the card number exists at several library systems.</summary>
    public string? HomeIsil { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"GuestLoanRequest {{ LendingIsil = {LendingIsil}, Barcode = {Barcode}, CardNumber = ***, Pin = *** }}";
}

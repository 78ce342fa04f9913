namespace Lsb.Hub.PatronServices.Authentication;

/// <summary>The body of <c>POST /api/v1/patrons/authenticate</c>.</summary>
public sealed class AuthenticatePatronRequest
{
    /// <summary>The member's card number (required).</summary>
    public string? CardNumber { get; set; }

    /// <summary>The member's PIN or password (required). Passed to the home system once and NEVER stored or logged.</summary>
    public string? Pin { get; set; }

    /// <summary>The service asking, e.g. <c>kb-online-library</c> (required; for audit and the answer's scope).</summary>
    public string? Service { get; set; }

    /// <summary>Optional: the member's home library, when the same card number exists at several library systems.</summary>
    public string? HomeIsil { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"AuthenticatePatronRequest {{ Service = {Service}, HomeIsil = {HomeIsil}, CardNumber = ***, Pin = *** }}";
}

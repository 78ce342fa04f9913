namespace Lsb.Hub.Installations;

/// <summary>Body of <c>POST /api/v1/installations</c>.</summary>
public sealed class RegisterInstallationRequest
{
    /// <summary>A lower-case slug chosen by the POI, e.g. <c>probiblio-wise</c>.</summary>
    public string? Id { get; set; }
    /// <summary><c>Wise</c>, <c>VSmart</c> or <c>Brocade</c>.</summary>
    public string? Vendor { get; set; }
    /// <summary>The POI that runs the installation, e.g. <c>probiblio</c>.</summary>
    public string? OwningPoi { get; set; }
    /// <summary>Base address of the installation's API or server (http, https, or tcp for SIP2).</summary>
    public string? Endpoint { get; set; }
    /// <summary>Name of the configuration entry holding the credentials (<c>Credentials:{ref}:…</c>). Never the secret itself.</summary>
    public string? CredentialsRef { get; set; }
    /// <summary>Display name.</summary>
    public string? DisplayName { get; set; }
    /// <summary>The libraries served.</summary>
    public List<LibraryRegistration>? Libraries { get; set; }
}

namespace Lsb.Hub.Installations;

/// <summary>An installation as the API shows it (credentials only by reference).</summary>
public sealed record InstallationView(
    string Id,
    string Vendor,
    string OwningPoi,
    string Endpoint,
    string CredentialsRef,
    string? DisplayName,
    DateTimeOffset RegisteredAt,
    string? RegisteredBy,
    IReadOnlyList<LibraryView> Libraries,
    InstallationHealthView? Health)
{
    /// <summary>The view of an installation, optionally with health.</summary>
    public static InstallationView Of(Installation installation, InstallationHealthView? health = null)
    {
        ArgumentNullException.ThrowIfNull(installation);
        var d = installation.Descriptor;
        return new InstallationView(d.Id.Value, d.Vendor.ToString(), installation.OwningPoi, d.Endpoint.ToString(), d.CredentialsRef,
            installation.DisplayName, installation.RegisteredAt, installation.RegisteredBy,
            [.. d.Libraries.Select(l => new LibraryView(l.Isil.Value, l.VendorLibraryId, l.Name, d.Id.Value, d.Vendor.ToString()))], health);
    }
}

using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Installations;

/// <summary>
/// What an adapter needs to know of the installation it serves. Credentials are never carried here: only the
/// name of a configuration entry (<see cref="CredentialsRef"/>) that the adapter resolves from configuration or a
/// secret store.
/// </summary>
/// <param name="Id">The installation id.</param>
/// <param name="Vendor">The vendor.</param>
/// <param name="Endpoint">The base address of the installation's API or server.</param>
/// <param name="CredentialsRef">The configuration key under <c>Credentials:</c> holding the credentials.</param>
/// <param name="Libraries">The libraries this installation serves.</param>
public sealed record InstallationDescriptor(
    InstallationId Id,
    Vendor Vendor,
    Uri Endpoint,
    string CredentialsRef,
    IReadOnlyList<LibraryRef> Libraries);

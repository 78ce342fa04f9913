using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Installations;

/// <summary>A registered installation: what adapters need, plus who owns it.</summary>
/// <param name="Descriptor">Id, vendor, endpoint, credentials reference and libraries.</param>
/// <param name="OwningPoi">The POI that runs it; its keys manage it.</param>
/// <param name="DisplayName">Display name.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="RegisteredBy">The API key name that registered it.</param>
public sealed record Installation(InstallationDescriptor Descriptor, string OwningPoi, string? DisplayName, DateTimeOffset RegisteredAt, string? RegisteredBy)
{
    /// <summary>The installation id.</summary>
    public string Id => Descriptor.Id.Value;
}

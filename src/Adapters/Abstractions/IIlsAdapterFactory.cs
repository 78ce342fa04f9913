using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Adapters;

/// <summary>Creates the adapter for one installation of a vendor. Registered by <c>Add{Vendor}Adapter()</c>.</summary>
public interface IIlsAdapterFactory
{
    /// <summary>The vendor this factory serves.</summary>
    Vendor Vendor { get; }

    /// <summary>Creates the adapter for <paramref name="installation"/>. The hub caches it until the registration changes.</summary>
    IIlsAdapter Create(InstallationDescriptor installation);
}

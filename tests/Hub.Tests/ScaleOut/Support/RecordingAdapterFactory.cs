using Lsb.Hub.Adapters;
using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Tests.ScaleOut.Support;

/// <summary>Wraps a vendor's adapter factory (resolved once the container is built) so its adapters record their reads.</summary>
public sealed class RecordingAdapterFactory(string key, string node, PageReads reads) : IIlsAdapterFactory
{
    /// <summary>The service key the vendor's own factory is registered under.</summary>
    public string Key => key;

    /// <summary>The vendor's own factory; set by <see cref="RecordingAdapters"/> when the container is built.</summary>
    public IIlsAdapterFactory? Inner { get; set; }

    private IIlsAdapterFactory Wrapped => Inner ?? throw new InvalidOperationException("The recording adapter factory was used before the container was built.");

    public Vendor Vendor => Wrapped.Vendor;

    public IIlsAdapter Create(InstallationDescriptor installation)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return new RecordingAdapter(Wrapped.Create(installation), node, installation.Id.Value, reads);
    }
}

using Lsb.Hub.Adapters;
using Lsb.Hub.Adapters.Mapping;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Installations;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Tests.FailedMessages.Support;

/// <summary>Serves every installation registered with vendor <see cref="Vendor"/> with a <see cref="TestVendorAdapter"/>.</summary>
public sealed class TestVendorAdapterFactory(TestVendorFeed feed, IOptions<MappingOptions> mappings) : IIlsAdapterFactory
{
    /// <summary>The vendor the tests register their installations with.</summary>
    public const Vendor TestVendor = Vendor.Brocade;

    /// <summary>The mapping file of the test vendor's copy status codes.</summary>
    public const string StatusFile = "test/item-status.csv";

    private readonly CodeMapping<HoldingStatus> _statuses = CodeMapping<HoldingStatus>.Open(mappings.Value, StatusFile, "test vendor", "item status");

    public Vendor Vendor => TestVendor;

    public IIlsAdapter Create(InstallationDescriptor installation) => new TestVendorAdapter(installation, feed, _statuses);
}

using System.Text.Json;
using Lsb.Hub.Adapters;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.Mapping;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Installations;

namespace Lsb.Hub.Tests.FailedMessages.Support;

/// <summary>
/// A minimal adapter over <see cref="TestVendorFeed"/>: copy changes whose status code is translated with the mapping
/// table <c>mappings/test/item-status.csv</c>, so an unmapped code fails the way a real adapter's does.
/// </summary>
public sealed class TestVendorAdapter(InstallationDescriptor installation, TestVendorFeed feed, CodeMapping<HoldingStatus> statuses) : IIlsAdapter
{
    public AdapterCapabilities Capabilities { get; } = new(installation.Vendor, AdapterFeatures.ChangeFeed, "test feed");

    public Task<AdapterHealth> CheckHealthAsync(CancellationToken cancellationToken)
        => Task.FromResult(new AdapterHealth(true, "test feed", TimeSpan.Zero, "Closed"));

    public Task<ChangePage> ReadChangesAsync(string? cursor, int maxChanges, CancellationToken cancellationToken)
        => Task.FromResult(feed.Read(installation.Id.Value, cursor, maxChanges));

    public CanonicalChange Translate(VendorChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var copy = JsonSerializer.Deserialize<TestCopy>(change.Payload)!;
        var library = installation.Libraries.First(l => l.VendorLibraryId == change.VendorLibraryId);
        return new HoldingSnapshot
        {
            LocalId = change.LocalId,
            SourceEventId = change.SourceEventId,
            SourceVersion = change.SourceVersion,
            OccurredAt = change.ChangedAt,
            Isil = library.Isil,
            Barcode = copy.Barcode,
            Bibliographic = new BibliographicIds(null, null, null, copy.Barcode),
            Title = copy.Title,
            MaterialType = MaterialType.Book,
            Status = statuses.Map(installation.Id.Value, copy.Status),
            RawStatus = copy.Status,
            LendableForIbl = true,
        };
    }

    public Task<CommandResult> ExecuteAsync(IlsCommand command, CancellationToken cancellationToken)
        => throw new NotSupportedException("The test vendor only has a change feed.");
}

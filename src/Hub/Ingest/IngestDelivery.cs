using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.FailedMessages.Stamping;
using Lsb.Hub.Installations;
using Wolverine;

namespace Lsb.Hub.Ingest;

/// <summary>How ingest messages are sent: with the poll's correlation id and stamped with where they came from (the
/// failed-message store groups by installation and library).</summary>
public static class IngestDelivery
{
    /// <summary>For a whole page: the library too when all its changes are of one.</summary>
    private static DeliveryOptions ForPage(Installation? installation, IReadOnlyList<VendorChange> changes, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var delivery = new DeliveryOptions { CorrelationId = correlationId };
        if (installation is null) return delivery;
        var libraries = changes.Select(c => c.VendorLibraryId).Distinct(StringComparer.Ordinal).ToList();
        return delivery.WithOrigin(installation.Descriptor, libraries.Count == 1 ? libraries[0] : null);
    }

    /// <summary>Sends a page to the bus as <see cref="IngestChangePage"/>; counts it in <paramref name="counted"/> (local
    /// queues: the handler counts it off when done) unless the send fails.</summary>
    public static async Task SendPageAsync(IMessageBus bus, IngestBackpressure? counted, Installation? installation, string installationId,
        IReadOnlyList<VendorChange> changes, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(bus);
        counted?.PageSent(installationId);
        try
        {
            await bus.SendAsync(new IngestChangePage(installationId, changes), ForPage(installation, changes, correlationId));
        }
        catch
        {
            counted?.PageDone(installationId);
            throw;
        }
    }

    /// <summary>For one change sent on alone; without a correlation id it keeps the handler's own.</summary>
    public static DeliveryOptions ForChange(Installation? installation, VendorChange change, string? correlationId)
    {
        ArgumentNullException.ThrowIfNull(change);
        var delivery = installation is null ? new DeliveryOptions() : new DeliveryOptions().WithOrigin(installation.Descriptor, change.VendorLibraryId);
        if (correlationId is not null) delivery.CorrelationId = correlationId;
        return delivery;
    }
}

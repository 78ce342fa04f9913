using Lsb.Hub.Canonical.Installations;
using Wolverine;

namespace Lsb.Hub.FailedMessages.Stamping;

/// <summary>
/// Stamps where a message comes from on its envelope when it is sent: installation, vendor and, where the message
/// concerns one library, its ISIL. The headers travel with the message into the failed-message store, where
/// administrators filter on them. Senders that know an installation MUST stamp through here.
/// </summary>
public static class OriginHeaders
{
    /// <summary>Adds the origin headers of <paramref name="installation"/> (and the library with
    /// <paramref name="vendorLibraryId"/>, when it serves exactly that one or only one) to <paramref name="options"/>.</summary>
    public static DeliveryOptions WithOrigin(this DeliveryOptions options, InstallationDescriptor installation, string? vendorLibraryId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(installation);
        options.Headers[FailedMessageHeaders.Installation] = installation.Id.Value;
        options.Headers[FailedMessageHeaders.Vendor] = installation.Vendor.ToString();
        var library = vendorLibraryId is null ? null
            : installation.Libraries.FirstOrDefault(l => string.Equals(l.VendorLibraryId, vendorLibraryId, StringComparison.Ordinal));
        if (library is null && installation.Libraries.Count == 1) library = installation.Libraries[0];
        if (library is not null) options.Headers[FailedMessageHeaders.Library] = library.Isil.Value;
        return options;
    }
}

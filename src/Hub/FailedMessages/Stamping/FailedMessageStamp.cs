using Lsb.Hub.Installations;
using Wolverine;
using Wolverine.Persistence.Durability;

namespace Lsb.Hub.FailedMessages.Stamping;

/// <summary>
/// Runs as Wolverine moves a message to the failed-message store: stamps the installation, its vendor, the library
/// (ISIL, when the message names a vendor library id the registry knows) and the full stack trace as headers. The
/// installation is taken from the message body and the rest from the installation registry as it is at the time
/// of failure. MUST NOT throw: a failure to stamp leaves the headers out, never the message.
/// </summary>
public sealed class FailedMessageStamp(InstallationStore installations, ILogger<FailedMessageStamp> logger) : IDeadLetterInterceptor
{
    /// <inheritdoc />
    public async ValueTask<Exception?> BeforeStoreAsync(Envelope envelope, Exception? exception, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (exception is not null)
        {
            var text = exception.ToString();
            envelope.Headers[FailedMessageHeaders.StackTrace] = text.Length > FailedMessageHeaders.MaxStackTraceLength
                ? text[..FailedMessageHeaders.MaxStackTraceLength] + " …(truncated)"
                : text;
        }
        var origin = MessageOrigin.Of(envelope.Message);
        if (origin.InstallationId is null) return exception;
        envelope.Headers[FailedMessageHeaders.Installation] = origin.InstallationId;
        try
        {
            var installation = await installations.GetAsync(origin.InstallationId, cancellation);
            if (installation is null) return exception;
            envelope.Headers[FailedMessageHeaders.Vendor] = installation.Descriptor.Vendor.ToString();
            var library = origin.VendorLibraryId is null ? null
                : installation.Descriptor.Libraries.FirstOrDefault(l => string.Equals(l.VendorLibraryId, origin.VendorLibraryId, StringComparison.Ordinal));
            if (library is null && installation.Descriptor.Libraries.Count == 1) library = installation.Descriptor.Libraries[0];
            if (library is not null) envelope.Headers[FailedMessageHeaders.Library] = library.Isil.Value;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not look up installation {InstallationId} while storing failed message {MessageId}; vendor and library are left out",
                origin.InstallationId, envelope.Id);
        }
        return exception;
    }
}

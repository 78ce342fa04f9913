using System.Security.Cryptography;
using System.Text;
using Lsb.Hub.Ibl.Process;
using Lsb.Hub.Ibl.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>
/// The hub as an ISO 18626 broker: reads what a peer posts, turns a valid request into an interlibrary-loan request
/// of the same process the API starts, and a supplying- or requesting-agency message into an input for it, and
/// answers with the matching confirmation — ERROR with the right error type for anything wrong, NEVER an exception.
/// </summary>
public sealed partial class Iso18626Broker(IblStore store, IblProcess process, IOptions<IblOptions> options, IblClock clock,
    Installations.InstallationStore installations, ILogger<Iso18626Broker> logger)
{
    private Iso18626Options Iso => options.Value.Iso18626;

    /// <summary>Handles one posted message; <paramref name="presentedKey"/> is the <c>X-Iso18626-Key</c> header, if any.
    /// NEVER throws unless <paramref name="cancellationToken"/> was cancelled (the peer went away): whatever fails inside the
    /// hub is logged and answered with a confirmation saying to send the message again later.</summary>
    public async Task<(Iso18626MessageKind Kind, string Xml)> HandleAsync(string text, string? presentedKey, CancellationToken cancellationToken)
    {
        var received = clock.Now;
        var kind = Iso18626MessageKind.Request;
        try
        {
            (var message, kind, var error, var partial) = Iso18626Reader.Read(text ?? string.Empty);
            if (message is not null && error is null) error = await ProcessAsync(message, presentedKey, cancellationToken);
            return (kind, Iso18626Messages.Confirmation(kind, Echo(partial, received, clock.Now) with { Error = error }));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Reading or answering failed, not the process: the header is not echoed, as it may be what failed.
            logger.LogError(e, "An ISO 18626 message could not be read or answered; the peer is told to send it again later");
            return (kind, Iso18626Messages.Confirmation(kind, Echo(null, received, clock.Now) with { Error = CouldNotProcess }));
        }
    }

    private static Iso18626Error CouldNotProcess { get; } = new(Iso18626ErrorType.UnrecognisedDataValue, "message: the hub could not process it just now; send it again later");

    private async Task<Iso18626Error?> ProcessAsync(Iso18626Inbound message, string? presentedKey, CancellationToken cancellationToken)
    {
        try
        {
            return Authenticate(message, presentedKey) ?? message.Kind switch
            {
                Iso18626MessageKind.Request => await RequestAsync(message, cancellationToken),
                Iso18626MessageKind.SupplyingAgencyMessage => await SupplierMessageAsync(message, cancellationToken),
                _ => await RequesterMessageAsync(message, cancellationToken),
            };
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Also an OperationCanceledException of the hub's own (a timeout inside): only the peer going away is not answered.
            logger.LogError(e, "ISO 18626 {Kind} {RequestId} from {Agency} could not be processed; the peer is told to send it again later", message.Kind,
                message.RequestingAgencyRequestId, message.Kind == Iso18626MessageKind.SupplyingAgencyMessage ? message.SupplyingAgency : message.RequestingAgency);
            return CouldNotProcess;
        }
    }

    private Iso18626Error? Authenticate(Iso18626Inbound message, string? presentedKey)
    {
        var sender = message.Kind == Iso18626MessageKind.SupplyingAgencyMessage ? message.SupplyingAgency : message.RequestingAgency;
        if (Iso.Peer(sender) is not { Key: { Length: > 0 } key }) return null;
        var ok = presentedKey is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return ok ? null : new Iso18626Error(Iso18626ErrorType.UnrecognisedDataValue,
            $"{(message.Kind == Iso18626MessageKind.SupplyingAgencyMessage ? "supplyingAgencyId" : "requestingAgencyId")}: messages from {sender} must carry its key in the X-Iso18626-Key header");
    }

    private static Iso18626Confirmation Echo(System.Xml.Linq.XElement? body, DateTimeOffset received, DateTimeOffset now)
    {
        System.Xml.Linq.XNamespace ns = Iso18626Messages.Namespace;
        var header = body?.Element(ns + "header");
        string? Value(string parent, string child) => header?.Element(ns + parent)?.Element(ns + child)?.Value.Trim();
        var reason = body?.Element(ns + "messageInfo")?.Element(ns + "reasonForMessage")?.Value.Trim();
        var action = body?.Element(ns + "action")?.Value.Trim();
        return new Iso18626Confirmation
        {
            SupplyingAgency = header is null ? null : Value("supplyingAgencyId", "agencyIdValue") ?? string.Empty,
            RequestingAgency = header is null ? null : Value("requestingAgencyId", "agencyIdValue") ?? string.Empty,
            RequestingAgencyRequestId = header?.Element(ns + "requestingAgencyRequestId")?.Value.Trim(),
            MultipleItemRequestId = header?.Element(ns + "multipleItemRequestId")?.Value,
            ReasonForMessage = reason is "RequestResponse" or "StatusRequestResponse" or "RenewResponse" or "CancelResponse" or "StatusChange" or "Notification" ? reason : null,
            Action = action is "StatusRequest" or "Received" or "Cancel" or "Renew" or "ShippedReturn" or "ShippedForward" or "Notification" ? action : null,
            Timestamp = now,
            TimestampReceived = received,
        };
    }

    private static Iso18626Error Value(string field, string explanation) => new(Iso18626ErrorType.UnrecognisedDataValue, $"{field}: {explanation}");

    private static Iso18626Error? CheckIds(Iso18626Inbound m)
    {
        if (m.RequestingAgencyRequestId.Length == 0)
            return Value("requestingAgencyRequestId", "empty; every message names the requester's id of the request");
        if (!string.Equals(m.RequestingAgencyType, "ISIL", StringComparison.OrdinalIgnoreCase))
            return Value("requestingAgencyId", $"agencyIdType '{m.RequestingAgencyType}' is not supported: agency ids are ISILs (type ISIL)");
        if (!string.Equals(m.SupplyingAgencyType, "ISIL", StringComparison.OrdinalIgnoreCase))
            return Value("supplyingAgencyId", $"agencyIdType '{m.SupplyingAgencyType}' is not supported: agency ids are ISILs (type ISIL)");
        if (m.RequestingAgency.Length == 0) return Value("requestingAgencyId", "empty");
        if (m.SupplyingAgency.Length == 0) return Value("supplyingAgencyId", "empty");
        return null;
    }

    private bool IsHub(string agency) => string.Equals(agency, Iso.AgencyId, StringComparison.OrdinalIgnoreCase);
}

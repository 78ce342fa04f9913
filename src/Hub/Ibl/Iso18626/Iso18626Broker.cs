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

    /// <summary>Handles one posted message; <paramref name="presentedKey"/> is the <c>X-Iso18626-Key</c> header, if any.</summary>
    public async Task<(Iso18626MessageKind Kind, string Xml)> HandleAsync(string text, string? presentedKey, CancellationToken cancellationToken)
    {
        var received = clock.Now;
        var (message, kind, error, partial) = Iso18626Reader.Read(text ?? string.Empty);
        if (message is not null && error is null)
        {
            try
            {
                error = Authenticate(message, presentedKey) ?? kind switch
                {
                    Iso18626MessageKind.Request => await RequestAsync(message, cancellationToken),
                    Iso18626MessageKind.SupplyingAgencyMessage => await SupplierMessageAsync(message, cancellationToken),
                    _ => await RequesterMessageAsync(message, cancellationToken),
                };
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "ISO 18626 {Kind} from {Agency} could not be processed", kind, message.Kind == Iso18626MessageKind.SupplyingAgencyMessage ? message.SupplyingAgency : message.RequestingAgency);
                error = new Iso18626Error(Iso18626ErrorType.UnrecognisedDataValue, "message: the hub could not process it just now; send it again later");
            }
        }
        var confirmation = Echo(partial, received, clock.Now) with { Error = error };
        return (kind, Iso18626Messages.Confirmation(kind, confirmation));
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

using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.Transports;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>
/// Maps Wolverine envelopes onto Service Bus messages: id → MessageId, message type → Subject, content type, correlation
/// id, scheduled time → ScheduledEnqueueTime, deliver-by → TimeToLive, every other envelope header → application
/// properties. A broker message id MAY carry a suffix after <c>:</c> (a rescheduled copy); the envelope id is the part
/// before it, so the inbox still recognises the message.
/// </summary>
public sealed class ServiceBusEnvelopeMapper : EnvelopeMapper<ReceivedServiceBusMessage, OutgoingServiceBusMessage>, IServiceBusEnvelopeMapper
{
    /// <summary>Creates the mapper for an endpoint; <paramref name="time"/> decides whether a scheduled time is still ahead.</summary>
    public ServiceBusEnvelopeMapper(Endpoint endpoint, TimeProvider time) : base(endpoint)
    {
        MapProperty(x => x.Data!, (e, m) => e.Data = m.Body.ToArray(), (e, m) => m.Body = e.Data);
        MapProperty(x => x.Id, (e, m) =>
        {
            if (TryReadEnvelopeId(m.MessageId, out var id)) e.Id = id;
        }, (e, m) => m.MessageId = e.Id.ToString());
        MapProperty(x => x.ContentType!, (e, m) => e.ContentType = m.ContentType, (e, m) => m.ContentType = e.ContentType);
        MapProperty(x => x.CorrelationId!, (e, m) => e.CorrelationId = m.CorrelationId, (e, m) => m.CorrelationId = e.CorrelationId);
        MapProperty(x => x.MessageType!, (e, m) => e.MessageType = m.Subject, (e, m) => m.Subject = e.MessageType);
        MapProperty(x => x.ScheduledTime!, (_, _) => { }, (e, m) =>
        {
            if (e.ScheduledTime is { } at && at > time.GetUtcNow()) m.ScheduledEnqueueTime = at.ToUniversalTime();
        });
        MapProperty(x => x.DeliverBy!, (_, _) => { }, (e, m) =>
        {
            if (e.DeliverBy is { } by) m.TimeToLive = by - time.GetUtcNow() is var ttl && ttl > TimeSpan.Zero ? ttl : TimeSpan.FromSeconds(1);
        });
    }

    /// <summary>The envelope id in a broker message id (<c>guid</c> or <c>guid:suffix</c>).</summary>
    public static bool TryReadEnvelopeId(string? messageId, out Guid id)
    {
        id = Guid.Empty;
        if (string.IsNullOrEmpty(messageId)) return false;
        var colon = messageId.IndexOf(':', StringComparison.Ordinal);
        return Guid.TryParse(colon < 0 ? messageId : messageId[..colon], out id);
    }

    /// <inheritdoc />
    protected override void writeOutgoingHeader(OutgoingServiceBusMessage outgoing, string key, string value) =>
        outgoing.ApplicationProperties[key] = value;

    /// <inheritdoc />
    protected override bool tryReadIncomingHeader(ReceivedServiceBusMessage incoming, string key, out string? value)
    {
        if (incoming.ApplicationProperties.TryGetValue(key, out var raw) && raw is not null)
        {
            value = raw.ToString();
            return true;
        }
        value = null;
        return false;
    }

    /// <inheritdoc />
    protected override void writeIncomingHeaders(ReceivedServiceBusMessage incoming, Envelope envelope)
    {
        foreach (var (key, value) in incoming.ApplicationProperties) envelope.Headers[key] = value?.ToString();
    }
}

namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>A message on its way to a queue or topic: the SDK-neutral form of <c>ServiceBusMessage</c>.</summary>
public sealed class OutgoingServiceBusMessage
{
    /// <summary>The broker's message id; duplicate detection and the receiving inbox key on it. MUST stay the same when
    /// the same message is sent again.</summary>
    public string MessageId { get; set; } = "";

    /// <summary>The serialized message.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The body's content type, e.g. <c>application/json</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The message type name (Service Bus <c>Subject</c>, also usable in subscription filters).</summary>
    public string? Subject { get; set; }

    /// <summary>The session id, when the entity requires sessions.</summary>
    public string? SessionId { get; set; }

    /// <summary>When set and in the future, the broker holds the message until then (native scheduling).</summary>
    public DateTimeOffset? ScheduledEnqueueTime { get; set; }

    /// <summary>When set, the broker expires the message after this long (dead-lettered when the entity says so).</summary>
    public TimeSpan? TimeToLive { get; set; }

    /// <summary>Application properties: the envelope's headers.</summary>
    public IDictionary<string, object> ApplicationProperties { get; } = new Dictionary<string, object>(StringComparer.Ordinal);
}

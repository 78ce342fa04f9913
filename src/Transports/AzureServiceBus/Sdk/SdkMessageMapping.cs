using Azure.Messaging.ServiceBus;
using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Sdk;

/// <summary>Maps the seam's message types onto the SDK's and back, field by field.</summary>
internal static class SdkMessageMapping
{
    /// <summary>The SDK message for an outgoing message. A scheduled time is carried as <c>ScheduledEnqueueTime</c>,
    /// which the broker honours for messages sent normally (no separate schedule call needed).</summary>
    public static ServiceBusMessage ToSdk(OutgoingServiceBusMessage message)
    {
        var sdk = new ServiceBusMessage(new BinaryData(message.Body))
        {
            MessageId = message.MessageId,
            ContentType = message.ContentType,
            CorrelationId = message.CorrelationId,
            Subject = message.Subject,
        };
        if (message.SessionId is not null) sdk.SessionId = message.SessionId;
        if (message.ScheduledEnqueueTime is { } at) sdk.ScheduledEnqueueTime = at.ToUniversalTime();
        if (message.TimeToLive is { } ttl) sdk.TimeToLive = ttl;
        foreach (var (key, value) in message.ApplicationProperties) sdk.ApplicationProperties[key] = value;
        return sdk;
    }

    /// <summary>The seam's form of a received SDK message; the SDK message stays in <see cref="ReceivedServiceBusMessage.Handle"/>
    /// because settling needs it.</summary>
    public static ReceivedServiceBusMessage FromSdk(ServiceBusReceivedMessage message) => new()
    {
        MessageId = message.MessageId,
        Body = message.Body.ToMemory(),
        ContentType = message.ContentType,
        CorrelationId = message.CorrelationId,
        Subject = message.Subject,
        SessionId = message.SessionId,
        ApplicationProperties = message.ApplicationProperties,
        DeliveryCount = message.DeliveryCount,
        LockToken = message.LockToken,
        LockedUntil = message.LockedUntil,
        SequenceNumber = message.SequenceNumber,
        EnqueuedTime = message.EnqueuedTime,
        ExpiresAt = message.ExpiresAt,
        DeadLetterReason = message.DeadLetterReason,
        DeadLetterErrorDescription = message.DeadLetterErrorDescription,
        Handle = message,
    };

    /// <summary>The SDK message behind a seam message; a message from another seam implementation is a programming error.</summary>
    public static ServiceBusReceivedMessage Native(ReceivedServiceBusMessage message) =>
        message.Handle as ServiceBusReceivedMessage
        ?? throw new ArgumentException($"Message {message.MessageId} was not received through the Azure SDK seam.", nameof(message));
}

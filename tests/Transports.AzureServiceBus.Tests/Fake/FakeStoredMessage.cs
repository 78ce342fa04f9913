using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;

/// <summary>A message held by the fake broker, with its delivery state.</summary>
public sealed class FakeStoredMessage
{
    public required OutgoingServiceBusMessage Sent { get; init; }
    public required long SequenceNumber { get; init; }
    public required DateTimeOffset EnqueuedTime { get; init; }
    public DateTimeOffset VisibleFrom { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public int DeliveryCount { get; set; }
    public string? LockToken { get; set; }
    public DateTimeOffset LockedUntil { get; set; }
    public string? DeadLetterReason { get; set; }
    public string? DeadLetterErrorDescription { get; set; }

    /// <summary>Whether a receiver holds an unexpired lock.</summary>
    public bool IsLocked(DateTimeOffset now) => LockToken is not null && LockedUntil > now;

    /// <summary>A copy for another entity (a subscription, the dead-letter sub-queue), undelivered.</summary>
    public FakeStoredMessage CopyFor(long sequenceNumber, DateTimeOffset now) => new()
    {
        Sent = Sent,
        SequenceNumber = sequenceNumber,
        EnqueuedTime = now,
        VisibleFrom = now,
        ExpiresAt = DateTimeOffset.MaxValue,
        DeliveryCount = DeliveryCount,
        DeadLetterReason = DeadLetterReason,
        DeadLetterErrorDescription = DeadLetterErrorDescription,
    };
}

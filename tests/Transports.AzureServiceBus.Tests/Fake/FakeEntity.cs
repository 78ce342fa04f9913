using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;

/// <summary>
/// A queue or subscription of the fake broker (or the dead-letter sub-queue of one), with Service Bus's rules: peek-lock,
/// delivery count, lock expiry, max delivery count, scheduled enqueue time, expiry, duplicate detection. Every method
/// runs under the namespace's lock.
/// </summary>
public sealed class FakeEntity
{
    private readonly List<FakeStoredMessage> _messages = [];
    private readonly Dictionary<string, DateTimeOffset> _seenIds = new(StringComparer.Ordinal);

    public FakeEntity(string path, TimeSpan lockDuration, int maxDeliveryCount, TimeSpan? timeToLive, bool deadLetterOnExpiration,
        bool duplicateDetection, TimeSpan duplicateWindow, bool isDeadLetterQueue = false)
    {
        Path = path;
        LockDuration = lockDuration;
        MaxDeliveryCount = maxDeliveryCount;
        TimeToLive = timeToLive;
        DeadLetterOnExpiration = deadLetterOnExpiration;
        DuplicateDetection = duplicateDetection;
        DuplicateWindow = duplicateWindow;
        IsDeadLetterQueue = isDeadLetterQueue;
        DeadLetters = isDeadLetterQueue ? null : new FakeEntity(path + "/$DeadLetterQueue", lockDuration, int.MaxValue, null, false, false, TimeSpan.Zero, true);
    }

    public string Path { get; }
    public TimeSpan LockDuration { get; }
    public int MaxDeliveryCount { get; }
    public TimeSpan? TimeToLive { get; }
    public bool DeadLetterOnExpiration { get; }
    public bool DuplicateDetection { get; }
    public TimeSpan DuplicateWindow { get; }
    public bool IsDeadLetterQueue { get; }

    /// <summary>The dead-letter sub-queue (null for a dead-letter sub-queue itself).</summary>
    public FakeEntity? DeadLetters { get; }

    /// <summary>Everything held, locked or not, scheduled or not.</summary>
    public IReadOnlyList<FakeStoredMessage> Messages => _messages;

    /// <summary>Accepts a sent message; false when duplicate detection dropped it.</summary>
    public bool Enqueue(OutgoingServiceBusMessage message, long sequenceNumber, DateTimeOffset now)
    {
        if (DuplicateDetection)
        {
            foreach (var old in _seenIds.Where(p => now - p.Value > DuplicateWindow).Select(p => p.Key).ToList()) _seenIds.Remove(old);
            if (!_seenIds.TryAdd(message.MessageId, now)) return false;
        }
        var ttl = message.TimeToLive ?? TimeToLive;
        var visible = message.ScheduledEnqueueTime is { } at && at > now ? at : now;
        _messages.Add(new FakeStoredMessage
        {
            Sent = message,
            SequenceNumber = sequenceNumber,
            EnqueuedTime = visible,
            VisibleFrom = visible,
            ExpiresAt = ttl is { } t ? visible + t : DateTimeOffset.MaxValue,
        });
        return true;
    }

    /// <summary>Adds a dead-lettered copy (dead-letter sub-queue only).</summary>
    public void Add(FakeStoredMessage message) => _messages.Add(message);

    /// <summary>Applies what time did: lost locks past the max delivery count and expired messages are dead-lettered.</summary>
    public void Sweep(DateTimeOffset now, Func<long> sequence)
    {
        foreach (var message in _messages.ToList())
        {
            if (message.LockToken is not null && message.LockedUntil <= now)
            {
                message.LockToken = null;
                if (message.DeliveryCount >= MaxDeliveryCount)
                {
                    MoveToDeadLetters(message, "MaxDeliveryCountExceeded", $"Message could not be consumed after {MaxDeliveryCount} delivery attempts.", now, sequence);
                    continue;
                }
            }
            if (message.LockToken is null && message.ExpiresAt <= now && !IsDeadLetterQueue)
            {
                if (DeadLetterOnExpiration) MoveToDeadLetters(message, "TTLExpiredException", "The message expired and was dead lettered.", now, sequence);
                else _messages.Remove(message);
            }
        }
    }

    /// <summary>Locks up to <paramref name="max"/> visible messages, oldest first, counting the delivery.</summary>
    public List<FakeStoredMessage> Lock(int max, DateTimeOffset now)
    {
        var taken = new List<FakeStoredMessage>();
        foreach (var message in _messages.OrderBy(m => m.SequenceNumber))
        {
            if (taken.Count >= max) break;
            if (message.LockToken is not null || message.VisibleFrom > now) continue;
            message.DeliveryCount++;
            message.LockToken = Guid.NewGuid().ToString();
            message.LockedUntil = now + LockDuration;
            taken.Add(message);
        }
        return taken;
    }

    /// <summary>The message holding this lock, if the lock is still valid; throws lock-lost otherwise.</summary>
    public FakeStoredMessage Locked(string lockToken, DateTimeOffset now) =>
        _messages.FirstOrDefault(m => m.LockToken == lockToken && m.LockedUntil > now)
        ?? throw new ServiceBusLockLostException($"The lock supplied is invalid ({Path}).");

    public void Remove(FakeStoredMessage message) => _messages.Remove(message);

    /// <summary>Releases the lock; past the max delivery count the message is dead-lettered.</summary>
    public void Release(FakeStoredMessage message, DateTimeOffset now, Func<long> sequence)
    {
        message.LockToken = null;
        if (message.DeliveryCount >= MaxDeliveryCount)
            MoveToDeadLetters(message, "MaxDeliveryCountExceeded", $"Message could not be consumed after {MaxDeliveryCount} delivery attempts.", now, sequence);
    }

    public void MoveToDeadLetters(FakeStoredMessage message, string reason, string description, DateTimeOffset now, Func<long> sequence)
    {
        _messages.Remove(message);
        if (DeadLetters is null) return;
        message.DeadLetterReason = reason;
        message.DeadLetterErrorDescription = description;
        DeadLetters.Add(message.CopyFor(sequence(), now));
    }
}

using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;

/// <summary>
/// An in-memory Service Bus namespace: queues, topics with subscriptions, each with a dead-letter sub-queue, and the
/// broker's rules (see <see cref="FakeEntity"/>). Several clients (one per simulated node) share it; a client can crash,
/// after which it can do nothing and its locks expire on their own. Time comes from a <see cref="TimeProvider"/>, so
/// unit tests move it by hand. It does not enforce the 256 KB / 100 MB message and batch size limits (the SDK-mapping
/// tests cover batch splitting) and does not evaluate subscription filters (every subscription gets every message).
/// </summary>
public sealed class InMemoryServiceBus(TimeProvider? time = null)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeEntity> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, FakeEntity>> _topics = new(StringComparer.Ordinal);
    private readonly List<int> _sendBatchSizes = [];
    private readonly List<(string Entity, OutgoingServiceBusMessage Message)> _sent = [];
    private long _sequence;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    /// <summary>A client for one node.</summary>
    public InMemoryServiceBusClient CreateClient() => new(this);

    /// <summary>How many messages each send call carried, in order.</summary>
    public IReadOnlyList<int> SendBatchSizes
    {
        get { lock (_gate) return [.. _sendBatchSizes]; }
    }

    /// <summary>Every message the namespace accepted for <paramref name="queueOrTopic"/>, in order, whether or not it is
    /// still there (a handled message is gone from the entity).</summary>
    public IReadOnlyList<OutgoingServiceBusMessage> SentTo(string queueOrTopic)
    {
        lock (_gate) return [.. _sent.Where(s => s.Entity == queueOrTopic).Select(s => s.Message)];
    }

    public void CreateQueue(QueueDefinition queue)
    {
        lock (_gate)
            _queues.TryAdd(queue.Name, new FakeEntity(queue.Name, queue.LockDuration, queue.MaxDeliveryCount, queue.DefaultTimeToLive,
                queue.DeadLetteringOnMessageExpiration, queue.RequiresDuplicateDetection, queue.DuplicateDetectionWindow));
    }

    public void CreateTopic(string name)
    {
        lock (_gate) _topics.TryAdd(name, new Dictionary<string, FakeEntity>(StringComparer.Ordinal));
    }

    public void CreateSubscription(SubscriptionDefinition subscription)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(subscription.Topic, out var subscriptions))
                throw new InvalidOperationException($"Topic '{subscription.Topic}' does not exist.");
            subscriptions.TryAdd(subscription.Name, new FakeEntity($"{subscription.Topic}/Subscriptions/{subscription.Name}",
                subscription.LockDuration, subscription.MaxDeliveryCount, null, subscription.DeadLetteringOnMessageExpiration, false, TimeSpan.Zero));
        }
    }

    public bool QueueExists(string name) { lock (_gate) return _queues.ContainsKey(name); }

    public bool TopicExists(string name) { lock (_gate) return _topics.ContainsKey(name); }

    public bool SubscriptionExists(string topic, string name) { lock (_gate) return _topics.TryGetValue(topic, out var s) && s.ContainsKey(name); }

    public IReadOnlyList<string> QueueNames(string prefix)
    {
        lock (_gate) return [.. _queues.Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Accepts messages for a queue or topic (copied to each subscription).</summary>
    public void Send(string queueOrTopic, IReadOnlyList<OutgoingServiceBusMessage> messages)
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            var targets = _queues.TryGetValue(queueOrTopic, out var queue) ? [queue]
                : _topics.TryGetValue(queueOrTopic, out var subscriptions) ? subscriptions.Values.ToList()
                : throw new InvalidOperationException($"The messaging entity '{queueOrTopic}' could not be found.");
            foreach (var message in messages)
            {
                _sent.Add((queueOrTopic, message));
                foreach (var target in targets)
                    target.Enqueue(message, ++_sequence, now);
            }
            _sendBatchSizes.Add(messages.Count);
            Pulse();
        }
    }

    /// <summary>Locks up to <paramref name="max"/> messages of an entity (or its dead-letter sub-queue).</summary>
    public List<ReceivedServiceBusMessage> Lock(ServiceBusEntity entity, bool deadLetters, int max)
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            var target = Find(entity, deadLetters);
            Sweep(now);
            return [.. target.Lock(max, now).Select(m => ToReceived(m, target))];
        }
    }

    public void Complete(ServiceBusEntity entity, bool deadLetters, string lockToken) =>
        WithLock(entity, deadLetters, lockToken, (target, message, _) => target.Remove(message));

    public void Abandon(ServiceBusEntity entity, bool deadLetters, string lockToken) =>
        WithLock(entity, deadLetters, lockToken, (target, message, now) => target.Release(message, now, () => ++_sequence));

    public void DeadLetter(ServiceBusEntity entity, bool deadLetters, string lockToken, string reason, string description) =>
        WithLock(entity, deadLetters, lockToken, (target, message, now) => target.MoveToDeadLetters(message, reason, description, now, () => ++_sequence));

    public DateTimeOffset RenewLock(ServiceBusEntity entity, bool deadLetters, string lockToken)
    {
        var until = DateTimeOffset.MinValue;
        WithLock(entity, deadLetters, lockToken, (target, message, now) => until = message.LockedUntil = now + target.LockDuration);
        return until;
    }

    /// <summary>What an entity (or its dead-letter sub-queue) holds now, after applying the passage of time.</summary>
    public IReadOnlyList<FakeStoredMessage> Peek(ServiceBusEntity entity, bool deadLetters = false)
    {
        lock (_gate)
        {
            Sweep(Time.GetUtcNow());
            return [.. Find(entity, deadLetters).Messages];
        }
    }

    /// <summary>Completes when something is sent, or after <paramref name="timeout"/>.</summary>
    public Task WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task changed;
        lock (_gate) changed = _changed.Task;
        return Task.WhenAny(changed, Task.Delay(timeout, cancellationToken));
    }

    private void WithLock(ServiceBusEntity entity, bool deadLetters, string lockToken, Action<FakeEntity, FakeStoredMessage, DateTimeOffset> action)
    {
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            var target = Find(entity, deadLetters);
            action(target, target.Locked(lockToken, now), now);
            Sweep(now);
            Pulse();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var entity in _queues.Values.Concat(_topics.Values.SelectMany(s => s.Values)))
            entity.Sweep(now, () => ++_sequence);
    }

    private void Pulse()
    {
        _changed.TrySetResult();
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private FakeEntity Find(ServiceBusEntity entity, bool deadLetters)
    {
        FakeEntity? found = null;
        if (entity.Subscription is null) _queues.TryGetValue(entity.QueueOrTopic, out found);
        else if (_topics.TryGetValue(entity.QueueOrTopic, out var subscriptions)) subscriptions.TryGetValue(entity.Subscription, out found);
        if (found is null) throw new InvalidOperationException($"The messaging entity '{entity.Path}' could not be found.");
        return deadLetters ? found.DeadLetters! : found;
    }

    private static ReceivedServiceBusMessage ToReceived(FakeStoredMessage message, FakeEntity from) => new()
    {
        MessageId = message.Sent.MessageId,
        Body = message.Sent.Body.ToArray(),
        ContentType = message.Sent.ContentType,
        CorrelationId = message.Sent.CorrelationId,
        Subject = message.Sent.Subject,
        SessionId = message.Sent.SessionId,
        ApplicationProperties = new Dictionary<string, object>(message.Sent.ApplicationProperties),
        DeliveryCount = message.DeliveryCount,
        LockToken = message.LockToken!,
        LockedUntil = message.LockedUntil,
        SequenceNumber = message.SequenceNumber,
        EnqueuedTime = message.EnqueuedTime,
        ExpiresAt = message.ExpiresAt,
        DeadLetterReason = from.IsDeadLetterQueue ? message.DeadLetterReason : null,
        DeadLetterErrorDescription = from.IsDeadLetterQueue ? message.DeadLetterErrorDescription : null,
    };
}

using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Sdk;

/// <summary>The seam's management operations on a <see cref="ServiceBusAdministrationClient"/>. "Already exists" is
/// success: several nodes provision the same entities at once.</summary>
internal sealed class SdkAdmin(ServiceBusAdministrationClient admin) : IServiceBusAdminSeam
{
    public async Task<bool> QueueExistsAsync(string name, CancellationToken cancellationToken) =>
        (await admin.QueueExistsAsync(name, cancellationToken)).Value;

    public Task CreateQueueAsync(QueueDefinition queue, CancellationToken cancellationToken) =>
        IgnoreExisting(() => admin.CreateQueueAsync(ToOptions(queue), cancellationToken));

    public async Task<bool> TopicExistsAsync(string name, CancellationToken cancellationToken) =>
        (await admin.TopicExistsAsync(name, cancellationToken)).Value;

    public Task CreateTopicAsync(string name, CancellationToken cancellationToken) =>
        IgnoreExisting(() => admin.CreateTopicAsync(name, cancellationToken));

    public async Task<bool> SubscriptionExistsAsync(string topic, string name, CancellationToken cancellationToken) =>
        (await admin.SubscriptionExistsAsync(topic, name, cancellationToken)).Value;

    public Task CreateSubscriptionAsync(SubscriptionDefinition subscription, CancellationToken cancellationToken) =>
        IgnoreExisting(() => ToRule(subscription) is { } rule
            ? admin.CreateSubscriptionAsync(ToOptions(subscription), rule, cancellationToken)
            : admin.CreateSubscriptionAsync(ToOptions(subscription), cancellationToken));

    public async Task<IReadOnlyList<string>> ListQueuesAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var queue in admin.GetQueuesAsync(cancellationToken))
            if (queue.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) names.Add(queue.Name);
        return names;
    }

    /// <summary>The SDK's options for a queue definition.</summary>
    internal static CreateQueueOptions ToOptions(QueueDefinition queue)
    {
        var options = new CreateQueueOptions(queue.Name)
        {
            LockDuration = queue.LockDuration,
            MaxDeliveryCount = queue.MaxDeliveryCount,
            DeadLetteringOnMessageExpiration = queue.DeadLetteringOnMessageExpiration,
            RequiresDuplicateDetection = queue.RequiresDuplicateDetection,
        };
        if (queue.RequiresDuplicateDetection) options.DuplicateDetectionHistoryTimeWindow = queue.DuplicateDetectionWindow;
        if (queue.DefaultTimeToLive is { } ttl) options.DefaultMessageTimeToLive = ttl;
        return options;
    }

    /// <summary>The SDK's options for a subscription definition.</summary>
    internal static CreateSubscriptionOptions ToOptions(SubscriptionDefinition subscription) => new(subscription.Topic, subscription.Name)
    {
        LockDuration = subscription.LockDuration,
        MaxDeliveryCount = subscription.MaxDeliveryCount,
        DeadLetteringOnMessageExpiration = subscription.DeadLetteringOnMessageExpiration,
    };

    /// <summary>The default rule of a filtered subscription; null for one that takes every message.</summary>
    internal static CreateRuleOptions? ToRule(SubscriptionDefinition subscription) =>
        string.IsNullOrWhiteSpace(subscription.SqlFilter) ? null : new CreateRuleOptions(RuleProperties.DefaultRuleName, new SqlRuleFilter(subscription.SqlFilter));

    private static async Task IgnoreExisting(Func<Task> create)
    {
        try
        {
            await create();
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessagingEntityAlreadyExists)
        {
            // Another node created it first: that is the state we wanted.
        }
    }
}

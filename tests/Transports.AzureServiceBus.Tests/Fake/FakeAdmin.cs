using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;

internal sealed class FakeAdmin(InMemoryServiceBusClient client) : IServiceBusAdminSeam
{
    public Task<bool> QueueExistsAsync(string name, CancellationToken cancellationToken) => Run(() => client.Bus.QueueExists(name));

    public Task CreateQueueAsync(QueueDefinition queue, CancellationToken cancellationToken) => Run(() => client.Bus.CreateQueue(queue));

    public Task<bool> TopicExistsAsync(string name, CancellationToken cancellationToken) => Run(() => client.Bus.TopicExists(name));

    public Task CreateTopicAsync(string name, CancellationToken cancellationToken) => Run(() => client.Bus.CreateTopic(name));

    public Task<bool> SubscriptionExistsAsync(string topic, string name, CancellationToken cancellationToken) =>
        Run(() => client.Bus.SubscriptionExists(topic, name));

    public Task CreateSubscriptionAsync(SubscriptionDefinition subscription, CancellationToken cancellationToken) =>
        Run(() => client.Bus.CreateSubscription(subscription));

    public Task<IReadOnlyList<string>> ListQueuesAsync(string prefix, CancellationToken cancellationToken) => Run(() => client.Bus.QueueNames(prefix));

    private Task<T> Run<T>(Func<T> action)
    {
        client.ThrowIfCrashed();
        return Task.FromResult(action());
    }

    private Task Run(Action action)
    {
        client.ThrowIfCrashed();
        action();
        return Task.CompletedTask;
    }
}

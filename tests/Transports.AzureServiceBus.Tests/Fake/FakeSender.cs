using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;

internal sealed class FakeSender(InMemoryServiceBusClient client, string entityPath) : IServiceBusSenderSeam
{
    public string EntityPath => entityPath;

    public Task SendAsync(IReadOnlyList<OutgoingServiceBusMessage> messages, CancellationToken cancellationToken)
    {
        client.ThrowIfCrashed();
        client.Bus.Send(entityPath, messages);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

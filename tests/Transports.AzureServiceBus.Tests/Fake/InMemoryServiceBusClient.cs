using Lsb.Hub.Transports.AzureServiceBus.Seam;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Fake;

/// <summary>One node's connection to an <see cref="InMemoryServiceBus"/>. <see cref="Crash"/> simulates the process dying:
/// from then on every operation fails and the locks it held expire on their own.</summary>
public sealed class InMemoryServiceBusClient : IServiceBusClientSeam
{
    private volatile bool _crashed;

    internal InMemoryServiceBusClient(InMemoryServiceBus bus)
    {
        Bus = bus;
        Admin = new FakeAdmin(this);
    }

    public InMemoryServiceBus Bus { get; }

    public IServiceBusAdminSeam Admin { get; }

    public bool Crashed => _crashed;

    /// <summary>The process is gone: nothing it holds is settled.</summary>
    public void Crash() => _crashed = true;

    public IServiceBusSenderSeam CreateSender(string queueOrTopic) => new FakeSender(this, queueOrTopic);

    public IServiceBusReceiverSeam CreateReceiver(ServiceBusEntity entity, bool deadLetterSubQueue = false) => new FakeReceiver(this, entity, deadLetterSubQueue);

    internal void ThrowIfCrashed()
    {
        if (_crashed) throw new ObjectDisposedException("InMemoryServiceBusClient", "This node has crashed.");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

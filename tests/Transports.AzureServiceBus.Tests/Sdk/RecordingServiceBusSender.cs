using Azure.Messaging.ServiceBus;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Sdk;

/// <summary>A <see cref="ServiceBusSender"/> (the SDK makes it mockable) whose batches, built with
/// <see cref="ServiceBusModelFactory.ServiceBusMessageBatch"/>, hold at most <paramref name="messagesPerBatch"/> messages.
/// Records what each send carried.</summary>
public sealed class RecordingServiceBusSender(int messagesPerBatch) : ServiceBusSender
{
    private List<ServiceBusMessage> _current = [];

    public List<List<ServiceBusMessage>> Sent { get; } = [];

    public override string EntityPath => "work";

    public override ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(CancellationToken cancellationToken = default)
    {
        _current = [];
        var store = _current;
        return ValueTask.FromResult(ServiceBusModelFactory.ServiceBusMessageBatch(1024, store, new CreateMessageBatchOptions(),
            message => store.Count < messagesPerBatch && message.Body.ToMemory().Length <= 1024));
    }

    public override Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, CancellationToken cancellationToken = default)
    {
        Sent.Add([.. _current]);
        return Task.CompletedTask;
    }
}

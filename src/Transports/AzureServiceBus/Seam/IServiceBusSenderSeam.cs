namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>Sends to one queue or topic.</summary>
public interface IServiceBusSenderSeam : IAsyncDisposable
{
    /// <summary>The queue or topic this sender sends to.</summary>
    string EntityPath { get; }

    /// <summary>
    /// Sends the messages, packed into as few broker batches as their size allows. A message with a
    /// <see cref="OutgoingServiceBusMessage.ScheduledEnqueueTime"/> in the future MUST NOT become visible to receivers
    /// before that time. Returns only when every message is accepted by the broker; throws otherwise, in which case
    /// some messages MAY have been accepted (the caller resends; the broker's duplicate detection and the receiving
    /// inbox drop the copies by <see cref="OutgoingServiceBusMessage.MessageId"/>).
    /// </summary>
    /// <exception cref="ServiceBusMessageTooLargeException">A single message exceeds the broker's maximum size.</exception>
    Task SendAsync(IReadOnlyList<OutgoingServiceBusMessage> messages, CancellationToken cancellationToken);
}

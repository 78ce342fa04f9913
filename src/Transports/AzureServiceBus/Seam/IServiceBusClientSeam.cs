namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>
/// The narrow seam between the transport and Azure Service Bus: everything the transport does to a namespace goes
/// through it, so the transport's semantics can be tested against an in-memory fake and the SDK mapping separately.
/// One instance stands for one process's connection to one namespace.
/// </summary>
/// <remarks>Implementations MUST give peek-lock semantics: a received message stays invisible to other receivers until
/// it is completed, abandoned, dead-lettered or its lock expires; and MUST raise <see cref="ServiceBusLockLostException"/>
/// when a message is settled or renewed after its lock was lost.</remarks>
public interface IServiceBusClientSeam : IAsyncDisposable
{
    /// <summary>A sender to a queue or topic. Callers MAY cache it; it MUST be safe for concurrent use.</summary>
    IServiceBusSenderSeam CreateSender(string queueOrTopic);

    /// <summary>A peek-lock receiver of a queue or subscription, or of its dead-letter sub-queue.</summary>
    IServiceBusReceiverSeam CreateReceiver(ServiceBusEntity entity, bool deadLetterSubQueue = false);

    /// <summary>Management operations (existence, creation, listing).</summary>
    IServiceBusAdminSeam Admin { get; }
}

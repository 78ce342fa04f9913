using Lsb.Hub.Transports.AzureServiceBus.Seam;
using Wolverine.Transports;

namespace Lsb.Hub.Transports.AzureServiceBus.Internal;

/// <summary>Maps envelopes to and from the seam's message types.</summary>
public interface IServiceBusEnvelopeMapper : IIncomingMapper<ReceivedServiceBusMessage>, IOutgoingMapper<OutgoingServiceBusMessage>;

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>A test event published to a topic.</summary>
public sealed record TestEvent(Guid Id);

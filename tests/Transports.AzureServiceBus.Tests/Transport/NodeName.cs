namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>Which simulated node a handler runs on.</summary>
public sealed record NodeName(string Value);

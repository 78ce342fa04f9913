namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>Thrown by the handler on purpose.</summary>
public sealed class InjectedFailureException : Exception
{
    public InjectedFailureException() : base("Injected handler failure.") { }
    public InjectedFailureException(string message) : base(message) { }
    public InjectedFailureException(string message, Exception innerException) : base(message, innerException) { }
}

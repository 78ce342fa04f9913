namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>One message is larger than the broker accepts even alone in a batch; resending cannot help.</summary>
public sealed class ServiceBusMessageTooLargeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServiceBusMessageTooLargeException() : base("The message is too large for Azure Service Bus.") { }

    /// <summary>Creates the exception with a message.</summary>
    public ServiceBusMessageTooLargeException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public ServiceBusMessageTooLargeException(string message, Exception innerException) : base(message, innerException) { }
}

namespace Lsb.Hub.Transports.AzureServiceBus.Seam;

/// <summary>A message was settled or renewed after its lock expired; the broker will deliver it again (or has).</summary>
public sealed class ServiceBusLockLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ServiceBusLockLostException() : base("The message lock was lost.") { }

    /// <summary>Creates the exception with a message.</summary>
    public ServiceBusLockLostException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public ServiceBusLockLostException(string message, Exception innerException) : base(message, innerException) { }
}

namespace Lsb.Hub.Adapters.Brocade.Sip2;

/// <summary>The server's answers stayed unreadable (bad checksum after every 97, wrong sequence number, unknown code).</summary>
internal sealed class Sip2GarbledException : Exception
{
    public Sip2GarbledException() { }

    public Sip2GarbledException(string message) : base(message) { }

    public Sip2GarbledException(string message, Exception innerException) : base(message, innerException) { }
}

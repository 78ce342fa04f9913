namespace Lsb.Hub.Adapters.Brocade.Sip2;

/// <summary>The connection failed: refused, dropped (also mid-answer) or closed by the server. <see cref="Sent"/> says
/// whether the request had gone out, which decides whether a changing request may be tried again.</summary>
internal sealed class Sip2TransportException : Exception
{
    public Sip2TransportException(string message, bool sent, Exception? innerException = null) : base(message, innerException) => Sent = sent;

    public Sip2TransportException() { }

    public Sip2TransportException(string message) : base(message) { }

    public Sip2TransportException(string message, Exception innerException) : base(message, innerException) { }

    public bool Sent { get; }
}

namespace Lsb.Hub.Adapters.Brocade.Sip2;

/// <summary>The server answered the 93 login with 940: the SIP2 user or password is wrong.</summary>
internal sealed class Sip2LoginRefusedException : Exception
{
    public Sip2LoginRefusedException() { }

    public Sip2LoginRefusedException(string message) : base(message) { }

    public Sip2LoginRefusedException(string message, Exception innerException) : base(message, innerException) { }
}

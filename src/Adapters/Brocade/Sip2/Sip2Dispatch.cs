namespace Lsb.Hub.Adapters.Brocade.Sip2;

/// <summary>
/// Whether one request may have reached the server: marked just before its bytes are written (in any attempt) and never
/// cleared. A request that changes something and failed before that point (waiting for a pooled connection, connecting,
/// logging in) was certainly not carried out, so its failure is transient rather than an unknown outcome.
/// </summary>
internal sealed class Sip2Dispatch
{
    public bool MayHaveGoneOut { get; private set; }

    public void Sending() => MayHaveGoneOut = true;
}

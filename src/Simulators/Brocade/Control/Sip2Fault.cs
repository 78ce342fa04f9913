namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>A fault the SIP2 server injects into its next answers.</summary>
public enum Sip2Fault
{
    /// <summary>None: answer normally.</summary>
    None,
    /// <summary>Send half of the answer, then close the connection.</summary>
    DropMidMessage,
    /// <summary>Send the answer with a wrong checksum (a 97 gets it resent correctly).</summary>
    CorruptChecksum,
    /// <summary>Read requests but never answer.</summary>
    Hang,
    /// <summary>Refuse every login (940).</summary>
    RefuseLogin,
    /// <summary>Close every connection as soon as it is accepted (the server is going down).</summary>
    RejectConnections,
    /// <summary>Send half of the answer, then nothing more; the connection stays open.</summary>
    StallMidMessage,
}

namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>An external ILL system the hub talks ISO 18626 with (<c>Ibl:Iso18626:Peers:{n}</c>).</summary>
public sealed class Iso18626Peer
{
    /// <summary>The agency id the peer uses in message headers (agencyIdValue; type ISIL).</summary>
    public string AgencyId { get; set; } = "";

    /// <summary>Where the peer receives ISO 18626 messages (HTTP POST, XML).</summary>
    public Uri? Address { get; set; }

    /// <summary>True: the peer supplies; it is added at the end of every rota as a last resort.</summary>
    public bool Supplies { get; set; }

    /// <summary>When set, messages from this peer MUST carry it in the <c>X-Iso18626-Key</c> header (compared in constant time).</summary>
    public string? Key { get; set; }
}

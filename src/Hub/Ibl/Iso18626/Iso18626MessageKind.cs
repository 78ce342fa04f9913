namespace Lsb.Hub.Ibl.Iso18626;

/// <summary>The three ISO 18626 messages a peer can send (each has its confirmation).</summary>
public enum Iso18626MessageKind
{
    /// <summary>A request (or a message of no recognisable kind).</summary>
    Request,
    /// <summary>A supplying-agency message.</summary>
    SupplyingAgencyMessage,
    /// <summary>A requesting-agency message.</summary>
    RequestingAgencyMessage,
}

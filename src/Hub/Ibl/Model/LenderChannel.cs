namespace Lsb.Hub.Ibl.Model;

/// <summary>How the hub reaches a lender.</summary>
public enum LenderChannel
{
    /// <summary>A Dutch library: commands through its installation's adapter, answers from its staff over the API.</summary>
    Adapter,
    /// <summary>An external ILL system: ISO 18626 messages both ways.</summary>
    Iso18626,
}

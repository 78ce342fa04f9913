namespace Lsb.Hub.Adapters.VSmart.Ncip;

/// <summary>
/// An NCIP response as the hub needs it, read from NCIP 2 (namespace http://www.niso.org/2008/ncip) or NCIP 1 (DTD,
/// no namespace, Unique…Id and Scheme/Value pairs) alike.
/// </summary>
internal sealed record NcipResponse
{
    /// <summary>The service answered, e.g. "CheckOutItem"; empty for a message-level Problem.</summary>
    public required string Service { get; init; }

    /// <summary>"2" or "1".</summary>
    public required string ProtocolVersion { get; init; }

    public IReadOnlyList<NcipProblemReport> Problems { get; init; } = [];

    public string? UserId { get; init; }

    public string? ItemId { get; init; }

    public string? RequestId { get; init; }

    public DateTimeOffset? DateDue { get; init; }

    public int? RenewalCount { get; init; }

    public IReadOnlyList<NcipPrivilege> Privileges { get; init; } = [];

    /// <summary>BlockOrTrapType values.</summary>
    public IReadOnlyList<string> Blocks { get; init; } = [];

    /// <summary>UserFiscalAccount/AccountBalance/MonetaryValue (minor units, e.g. euro cents), if given.</summary>
    public long? AccountBalance { get; init; }

    public bool IsProblem => Problems.Count > 0;

    /// <summary>A block or trap, or a STATUS privilege saying BLOCKED (the convention of NCIP responders such as
    /// Sierra's and Symphony's).</summary>
    public bool IsBlocked => Blocks.Count > 0
        || Privileges.Any(p => p.Type.Equals("STATUS", StringComparison.OrdinalIgnoreCase) && "BLOCKED".Equals(p.Status, StringComparison.OrdinalIgnoreCase));

    /// <summary>The status value of the privilege of type <paramref name="type"/> (e.g. "PROFILE", "STATUS").</summary>
    public NcipPrivilege? Privilege(string type) => Privileges.FirstOrDefault(p => p.Type.Equals(type, StringComparison.OrdinalIgnoreCase));
}

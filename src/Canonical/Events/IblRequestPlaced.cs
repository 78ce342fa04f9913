using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>An interlibrary-loan request was placed, by a Dutch library for a member or by an external agency over ISO 18626.</summary>
public sealed record IblRequestPlaced : CanonicalEvent
{
    /// <summary>The request.</summary>
    public required IblRequestId RequestId { get; init; }
    /// <summary>The requesting agency: a Dutch library's ISIL, or an external agency's symbol.</summary>
    public required string RequestingAgency { get; init; }
    /// <summary>The member the request is for (requests from Dutch libraries). Pseudonymised in the DWH feed.</summary>
    public MemberId? MemberId { get; init; }
    /// <summary>How the request arrived: <c>Api</c> or <c>Iso18626</c>.</summary>
    public required string Origin { get; init; }
    /// <summary>ISBN of the title asked for.</summary>
    public string? Isbn { get; init; }
    /// <summary>PPN of the title asked for.</summary>
    public string? Ppn { get; init; }
    /// <summary>OCLC number of the title asked for.</summary>
    public string? OclcNumber { get; init; }
    /// <inheritdoc />
    public override string SubjectId => RequestId.ToString();
    /// <summary>The requesting library's ISIL for a Dutch request; null for an external agency (no Dutch library is concerned yet).</summary>
    public override string LibraryIsil => IblAgencies.DutchIsil(RequestingAgency)!;
}

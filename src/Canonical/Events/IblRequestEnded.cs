using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>An interlibrary-loan request reached a terminal state: completed, cancelled, end of rota or invalid patron.</summary>
public sealed record IblRequestEnded : CanonicalEvent
{
    /// <summary>The request.</summary>
    public required IblRequestId RequestId { get; init; }
    /// <summary>The requesting agency (a Dutch ISIL or an external symbol).</summary>
    public required string RequestingAgency { get; init; }
    /// <summary>The last lender asked, if any.</summary>
    public string? LenderAgency { get; init; }
    /// <summary>The terminal state.</summary>
    public required IblRequestState Outcome { get; init; }
    /// <summary>How many lenders were asked.</summary>
    public required int LendersAsked { get; init; }
    /// <summary>Why, in words (for every outcome but a completed loan).</summary>
    public string? Reason { get; init; }
    /// <summary>When the request was placed.</summary>
    public required DateTimeOffset PlacedAt { get; init; }
    /// <inheritdoc />
    public override string SubjectId => RequestId.ToString();
    /// <summary>The Dutch library concerned: the requesting library, else the Dutch lender; null when neither is Dutch.</summary>
    public override string LibraryIsil => IblAgencies.DutchIsil(RequestingAgency) ?? IblAgencies.DutchIsil(LenderAgency)!;
}

using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Canonical.Events;

/// <summary>An interlibrary-loan request moved from one state to another. One event per transition, in order.</summary>
public sealed record IblRequestStateChanged : CanonicalEvent
{
    /// <summary>The request.</summary>
    public required IblRequestId RequestId { get; init; }
    /// <summary>The requesting agency (a Dutch ISIL or an external symbol).</summary>
    public required string RequestingAgency { get; init; }
    /// <summary>The lender concerned, once one is chosen (a Dutch ISIL or an external symbol).</summary>
    public string? LenderAgency { get; init; }
    /// <summary>The state before.</summary>
    public required IblRequestState From { get; init; }
    /// <summary>The state after.</summary>
    public required IblRequestState To { get; init; }
    /// <summary>What caused it: <c>borrower</c>, <c>lender</c>, <c>adapter</c>, <c>timer</c>, <c>iso18626</c> or <c>hub</c>.</summary>
    public required string Cause { get; init; }
    /// <summary>Why, in words, where there is a reason (unfilled, no answer, cancelled).</summary>
    public string? Reason { get; init; }
    /// <inheritdoc />
    public override string SubjectId => RequestId.ToString();
    /// <summary>The Dutch library concerned: the requesting library, else the Dutch lender; null when neither is Dutch.</summary>
    public override string LibraryIsil => IblAgencies.DutchIsil(RequestingAgency) ?? IblAgencies.DutchIsil(LenderAgency)!;
}

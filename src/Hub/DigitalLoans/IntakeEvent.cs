namespace Lsb.Hub.DigitalLoans;

/// <summary>
/// An e-book loan event on its way to a canonical loan: one just received (with the raw card number or national user
/// id, in memory only) or one that waited in <c>digital_loan_events</c> (with keyed hashes only).
/// </summary>
public sealed class IntakeEvent
{
    /// <summary>The platform's event id.</summary>
    public required string EventId { get; init; }
    /// <summary>Hash of the event's content: the same id with other content is refused.</summary>
    public required long ContentHash { get; init; }
    /// <summary>Started, renewed or ended.</summary>
    public required DigitalLoanEventType Type { get; init; }
    /// <summary>The loan's keyed hash (<see cref="MatchKeys.Loan"/>).</summary>
    public required string LoanKey { get; init; }
    /// <summary>The member's card key (<see cref="MatchKeys.Card"/>), if the event named a card number.</summary>
    public string? MemberKey { get; init; }
    /// <summary>The member's national key (<see cref="MatchKeys.National"/>), if the event named a national user id.</summary>
    public string? NationalKey { get; init; }
    /// <summary>The member's home library as the platform gave it (the lending library of the digital loan).</summary>
    public required string HomeIsil { get; init; }
    /// <summary>ISBN/EAN, normalised.</summary>
    public required string Isbn { get; init; }
    /// <summary>Title, for display.</summary>
    public string? Title { get; init; }
    /// <summary>When it happened at the platform.</summary>
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>Start of the loan.</summary>
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>Due date.</summary>
    public DateTimeOffset? DueAt { get; init; }
    /// <summary>End of the loan.</summary>
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>Card number as received (new events only; NEVER stored).</summary>
    public string? CardNumber { get; init; }
    /// <summary>National user id as received (new events only; NEVER stored).</summary>
    public string? NationalUserId { get; init; }
    /// <summary>True for an event of this request; false for one that waited.</summary>
    public required bool IsNew { get; init; }
    /// <summary>The member, once known.</summary>
    public string? MemberId { get; set; }
    /// <summary>What became of it.</summary>
    public IntakeState State { get; set; } = IntakeState.WaitingForMember;
}

namespace Lsb.Hub.DigitalLoans;

/// <summary>What became of an accepted e-book loan event (stored in <c>digital_loan_events.state</c>).</summary>
public enum IntakeState
{
    /// <summary>It changed the canonical loan and its canonical event is in the log.</summary>
    Applied,
    /// <summary>Kept: no member with this home library and card number / national user id is known yet. Applied
    /// when the member arrives from their library's ILS.</summary>
    WaitingForMember,
    /// <summary>Kept: a renewal or end of a loan whose start has not arrived yet. Applied when it does.</summary>
    WaitingForStart,
    /// <summary>Accepted but changed nothing: the loan had already ended, or had started already.</summary>
    Ignored,
}

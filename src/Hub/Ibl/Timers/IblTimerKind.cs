namespace Lsb.Hub.Ibl.Timers;

/// <summary>The timers of a request.</summary>
public enum IblTimerKind
{
    /// <summary>The lender has not answered for <see cref="IblTimerOptions.LenderReminderAfter"/>: remind. Token: rota position.</summary>
    LenderReminder,
    /// <summary>The lender has not answered for <see cref="IblTimerOptions.LenderAnswerTimeout"/>: move on. Token: rota position.</summary>
    LenderAnswerDue,
    /// <summary>The loan's due date (plus grace) passed: overdue. Token: the number of renewals when set.</summary>
    LoanDue,
}

namespace Lsb.Hub.Adapters.VSmart.Mapping;

/// <summary>
/// What a V-smart loan status means to the hub (<c>mappings/vsmart/loan-status.csv</c>, column <c>canonical</c>). Only
/// <see cref="Returned"/> ends a loan; the others keep it open.
/// </summary>
public enum VSmartLoanState
{
    /// <summary>Lent and not yet due.</summary>
    Active,
    /// <summary>Lent and renewed at least once.</summary>
    Renewed,
    /// <summary>Lent and past its due date.</summary>
    Overdue,
    /// <summary>Returned: the loan has ended.</summary>
    Returned,
}

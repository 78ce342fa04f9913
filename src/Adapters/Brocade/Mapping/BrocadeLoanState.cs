namespace Lsb.Hub.Adapters.Brocade.Mapping;

/// <summary>What a Brocade loan status means to the hub (<c>mappings/brocade/loan-status.csv</c>). Only <see cref="Returned"/> ends a loan.</summary>
public enum BrocadeLoanState
{
    /// <summary>Lent and not yet due.</summary>
    Active,
    /// <summary>Lent and renewed.</summary>
    Renewed,
    /// <summary>Lent and past its due date.</summary>
    Overdue,
    /// <summary>Returned: the loan has ended.</summary>
    Returned,
}

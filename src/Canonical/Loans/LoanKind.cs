namespace Lsb.Hub.Canonical.Loans;

/// <summary>Whether a loan is of a physical copy or of an e-book.</summary>
public enum LoanKind
{
    /// <summary>A physical copy lent by a library (from an ILS).</summary>
    Physical,
    /// <summary>An e-book lent by the KB's national platform.</summary>
    Digital,
}

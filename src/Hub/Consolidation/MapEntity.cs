namespace Lsb.Hub.Consolidation;

/// <summary>What a line of a migration map is about. The CSV spells them <c>member</c>, <c>copy</c> and <c>loan</c>.</summary>
public enum MapEntity
{
    /// <summary>A member (patron, borrower): id map entity <c>member</c>.</summary>
    Member,

    /// <summary>A copy (item, holding): id map entity <c>holding</c>.</summary>
    Copy,

    /// <summary>A loan: id map entity <c>loan</c>.</summary>
    Loan,
}

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>The content of one export run, built under the state lock and written afterwards.</summary>
/// <param name="Members">The members CSV.</param>
/// <param name="MemberRows">Its row count.</param>
/// <param name="Holdings">The holdings MARC file.</param>
/// <param name="HoldingRecords">Its record count.</param>
/// <param name="Loans">The loans CSV.</param>
/// <param name="LoanRows">Its row count.</param>
/// <param name="ForeignTakeIns">The foreign take-ins CSV.</param>
/// <param name="ForeignTakeInRows">Its row count.</param>
internal sealed record ExportFiles(byte[] Members, int MemberRows, byte[] Holdings, int HoldingRecords, byte[] Loans, int LoanRows,
    byte[] ForeignTakeIns, int ForeignTakeInRows);

namespace Lsb.Hub.PatronServices.Returns;

/// <summary>The returning library's system reported the hand-in: its own copies are not candidates (it said it does not know
/// the barcode), and the report is handled once per <paramref name="SourceEventId"/> (<c>foreign_returns</c>).</summary>
/// <param name="InstallationId">The returning library's installation.</param>
/// <param name="SourceEventId">The report's stable id at that installation.</param>
public sealed record ForeignReturnReport(string InstallationId, string SourceEventId);

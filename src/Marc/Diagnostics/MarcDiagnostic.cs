using System.Globalization;

namespace Lsb.Hub.Marc;

/// <summary>
/// One problem found while reading: which record (1-based), where (byte offset in the source for ISO 2709; line number
/// for MARCXML), what kind and a message a person can act on.
/// </summary>
public sealed record MarcDiagnostic(
    int RecordNumber,
    long ByteOffset,
    MarcDiagnosticSeverity Severity,
    MarcProblem Problem,
    string Message,
    string? Tag = null)
{
    /// <summary>"record 3 at byte 1234 (field 245): message".</summary>
    public override string ToString()
    {
        var field = Tag is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (field {Tag})");
        return string.Create(CultureInfo.InvariantCulture, $"{Severity} {Problem}: record {RecordNumber} at byte {ByteOffset}{field}: {Message}");
    }
}

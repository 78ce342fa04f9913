using System.Globalization;

namespace Lsb.Hub.Marc;

/// <summary>
/// The only exception the MARC readers throw for bad input (strict mode, or damage lenient mode cannot get past).
/// It names the record number, the byte offset and what was wrong. Callers that catch this type MUST NOT need to
/// catch anything else from <see cref="Iso2709Reader"/> or <see cref="MarcXmlReader"/> apart from I/O errors of the
/// underlying stream and <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class MarcFormatException : Exception
{
    /// <summary>Creates the exception for one diagnostic.</summary>
    public MarcFormatException(MarcDiagnostic diagnostic)
        : base(FormatMessage(diagnostic))
    {
        Diagnostic = diagnostic;
    }

    /// <summary>Creates the exception for one diagnostic with the exception that revealed it.</summary>
    public MarcFormatException(MarcDiagnostic diagnostic, Exception innerException)
        : base(FormatMessage(diagnostic), innerException)
    {
        Diagnostic = diagnostic;
    }

    /// <summary>Required by CA1032; prefer the diagnostic constructors.</summary>
    public MarcFormatException()
        : this(new MarcDiagnostic(0, -1, MarcDiagnosticSeverity.Error, MarcProblem.BadXml, "Unspecified MARC format error."))
    {
    }

    /// <summary>Required by CA1032; prefer the diagnostic constructors.</summary>
    public MarcFormatException(string message)
        : this(new MarcDiagnostic(0, -1, MarcDiagnosticSeverity.Error, MarcProblem.BadXml, message))
    {
    }

    /// <summary>Required by CA1032; prefer the diagnostic constructors.</summary>
    public MarcFormatException(string message, Exception innerException)
        : this(new MarcDiagnostic(0, -1, MarcDiagnosticSeverity.Error, MarcProblem.BadXml, message), innerException)
    {
    }

    /// <summary>What was wrong, where.</summary>
    public MarcDiagnostic Diagnostic { get; }

    /// <summary>1-based number of the record that failed.</summary>
    public int RecordNumber => Diagnostic.RecordNumber;

    /// <summary>Byte offset in the source where the problem was found.</summary>
    public long ByteOffset => Diagnostic.ByteOffset;

    /// <summary>The kind of problem.</summary>
    public MarcProblem Problem => Diagnostic.Problem;

    private static string FormatMessage(MarcDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var field = diagnostic.Tag is null ? string.Empty : $", field {diagnostic.Tag}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"MARC record {diagnostic.RecordNumber} at byte offset {diagnostic.ByteOffset}{field}: {diagnostic.Message} ({diagnostic.Problem}). Read with MarcErrorPolicy.Lenient to recover what can be recovered.");
    }
}

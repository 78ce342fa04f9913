namespace Lsb.Hub.Marc;

/// <summary>How bad a reading problem is.</summary>
public enum MarcDiagnosticSeverity
{
    /// <summary>Non-conforming but nothing was lost (filler bytes between records, non-standard leader/20-23).</summary>
    Warning,

    /// <summary>The record is damaged: data was guessed, replaced or dropped. Strict mode throws on every error.</summary>
    Error,
}

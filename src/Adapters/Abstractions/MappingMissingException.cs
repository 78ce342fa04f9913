namespace Lsb.Hub.Adapters;

/// <summary>
/// A vendor code has no line in the mapping tables. The message names the installation, the value and the file to
/// add it to, e.g. "Unknown Wise loan status 'VERM' for installation 'sandbox-wise': add it to
/// mappings/wise/loan-status.csv and replay the message." Not transient: retrying cannot help until the file changes.
/// </summary>
public sealed class MappingMissingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MappingMissingException(string message, string mappingFile, string value) : base(message)
    {
        MappingFile = mappingFile;
        Value = value;
    }

    /// <summary>Creates the exception.</summary>
    public MappingMissingException() : this("A mapping is missing.", string.Empty, string.Empty) { }

    /// <summary>Creates the exception.</summary>
    public MappingMissingException(string message) : this(message, string.Empty, string.Empty) { }

    /// <summary>Creates the exception.</summary>
    public MappingMissingException(string message, Exception innerException) : base(message, innerException)
    {
        MappingFile = string.Empty;
        Value = string.Empty;
    }

    /// <summary>The mapping file, relative to the mappings folder (e.g. <c>wise/loan-status.csv</c>).</summary>
    public string MappingFile { get; }

    /// <summary>The unmapped vendor value.</summary>
    public string Value { get; }
}

namespace Lsb.Hub.Marc;

/// <summary>What a reader does with a damaged record.</summary>
public enum MarcErrorPolicy
{
    /// <summary>Throw <see cref="MarcFormatException"/> on the first error (warnings are kept on the record).</summary>
    Strict,

    /// <summary>Recover what can be recovered, attach every problem to <see cref="MarcRecord.Diagnostics"/> and go on with the next record.</summary>
    Lenient,
}

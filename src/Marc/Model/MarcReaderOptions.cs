namespace Lsb.Hub.Marc;

/// <summary>Settings for <see cref="Iso2709Reader"/> and <see cref="MarcXmlReader"/>.</summary>
public sealed record MarcReaderOptions
{
    /// <summary>Strict (default) throws on the first error; lenient recovers and reports.</summary>
    public MarcErrorPolicy ErrorPolicy { get; init; } = MarcErrorPolicy.Strict;

    /// <summary>How field bytes become text; default follows leader/09.</summary>
    public MarcCharacterSet CharacterSet { get; init; } = MarcCharacterSet.FromLeader;

    /// <summary>
    /// Largest run of bytes the ISO 2709 reader buffers while looking for the end of a damaged or oversized record.
    /// ISO 2709 allows 99,999 bytes; longer records are read (with a <see cref="MarcProblem.RecordTooLong"/> error)
    /// up to this limit and skipped beyond it. Default 16 MiB.
    /// </summary>
    public int MaxRecordBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Strict defaults.</summary>
    public static MarcReaderOptions Strict { get; } = new();

    /// <summary>Lenient defaults.</summary>
    public static MarcReaderOptions Lenient { get; } = new() { ErrorPolicy = MarcErrorPolicy.Lenient };
}

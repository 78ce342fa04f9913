namespace Lsb.Hub.Marc;

/// <summary>Settings for <see cref="MarcXmlWriter"/>.</summary>
public sealed record MarcXmlWriterOptions
{
    /// <summary>Wrap records in <c>&lt;collection&gt;</c> (default) or write one bare <c>&lt;record&gt;</c>.</summary>
    public bool Collection { get; init; } = true;

    /// <summary>Indent with two spaces (default true).</summary>
    public bool Indent { get; init; } = true;

    /// <summary>
    /// Write leader/09 as <c>a</c> (MARCXML text is always Unicode), as yaz-marcdump does. Default false: the leader is
    /// written exactly as held, which keeps MARCXML → model → MARCXML lossless.
    /// </summary>
    public bool MarkLeaderAsUnicode { get; init; }
}

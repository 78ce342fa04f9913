namespace Lsb.Hub.Marc;

/// <summary>
/// How the reader turns field bytes into text. The default, <see cref="FromLeader"/>, follows leader/09 per record
/// (blank: MARC-8, <c>a</c>: UTF-8, anything else: UTF-8 with a diagnostic). The others override leader/09 for files
/// known to be mislabelled or written in a legacy code page (e.g. Windows-1251 or ISO 8859-1 exports).
/// </summary>
public sealed class MarcCharacterSet
{
    private MarcCharacterSet(string name, System.Text.Encoding? legacy)
    {
        Name = name;
        LegacyEncoding = legacy;
    }

    /// <summary>Follow leader/09 record by record.</summary>
    public static MarcCharacterSet FromLeader { get; } = new("leader", null);

    /// <summary>Always UTF-8.</summary>
    public static MarcCharacterSet Utf8 { get; } = new("utf-8", null);

    /// <summary>Always MARC-8.</summary>
    public static MarcCharacterSet Marc8 { get; } = new("marc-8", null);

    /// <summary>Name for messages and the CLI.</summary>
    public string Name { get; }

    /// <summary>Set only for <see cref="Legacy"/> character sets.</summary>
    public System.Text.Encoding? LegacyEncoding { get; }

    /// <summary>Always a single-byte legacy encoding (ISO 8859-1, Windows-1251, CP866, ...).</summary>
    public static MarcCharacterSet Legacy(System.Text.Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return new MarcCharacterSet(encoding.WebName, encoding);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

namespace Lsb.Hub.Marc;

/// <summary>
/// A variable field of a MARC record: either a <see cref="MarcControlField"/> (tags 001-009) or a
/// <see cref="MarcDataField"/> (everything else, including alphabetic local tags such as <c>CAT</c>).
/// Fields are immutable; edit a record by replacing fields in <see cref="MarcRecord.Fields"/>.
/// </summary>
public abstract class MarcField
{
    private protected MarcField(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        Tag = tag;
    }

    /// <summary>The tag as read: normally three characters; NEVER null.</summary>
    public string Tag { get; }

    /// <summary>True for control fields (no indicators, no subfields).</summary>
    public abstract bool IsControlField { get; }

    /// <summary>True when <paramref name="tag"/> names a control field: <c>00</c> followed by one character (001-009).</summary>
    public static bool IsControlTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return tag.Length == 3 && tag[0] == '0' && tag[1] == '0';
    }
}

namespace Lsb.Hub.Marc;

/// <summary>A control field (001-009): a tag and unstructured text, e.g. 001 control number or 008 fixed-length data.</summary>
public sealed class MarcControlField : MarcField
{
    /// <summary>Creates a control field. <paramref name="value"/> MUST NOT be null.</summary>
    public MarcControlField(string tag, string value)
        : base(tag)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The field's text, decoded to Unicode.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override bool IsControlField => true;

    /// <summary>The field as yaz-marcdump prints it.</summary>
    public override string ToString() => $"{Tag} {Value}";
}

namespace Lsb.Hub.Marc;

/// <summary>
/// A data field: tag, two indicators and an ordered list of subfields. Subfield order and repetition are kept exactly
/// as read, so a record written back is the record that was read.
/// </summary>
public sealed class MarcDataField : MarcField
{
    private readonly MarcSubfield[] subfields;

    /// <summary>Creates a data field; the subfields are copied.</summary>
    public MarcDataField(string tag, char indicator1, char indicator2, params IEnumerable<MarcSubfield> subfields)
        : this(tag, indicator1, indicator2, (subfields ?? throw new ArgumentNullException(nameof(subfields))).ToArray())
    {
    }

    /// <summary>Takes ownership of <paramref name="subfields"/> without copying (reader hot path).</summary>
    internal MarcDataField(string tag, char indicator1, char indicator2, MarcSubfield[] subfields)
        : base(tag)
    {
        Indicator1 = indicator1;
        Indicator2 = indicator2;
        this.subfields = subfields;
    }

    /// <summary>First indicator; a blank indicator is a space.</summary>
    public char Indicator1 { get; }

    /// <summary>Second indicator; a blank indicator is a space.</summary>
    public char Indicator2 { get; }

    /// <summary>The subfields in record order.</summary>
    public IReadOnlyList<MarcSubfield> Subfields => subfields;

    /// <inheritdoc />
    public override bool IsControlField => false;

    /// <summary>The backing array, for allocation-free iteration inside the library. NEVER mutate it.</summary>
    internal ReadOnlySpan<MarcSubfield> SubfieldSpan => subfields;

    /// <summary>The value of the first subfield with <paramref name="code"/>, or null when there is none.</summary>
    public string? this[char code]
    {
        get
        {
            foreach (var subfield in subfields)
            {
                if (subfield.Code == code)
                {
                    return subfield.Value;
                }
            }

            return null;
        }
    }

    /// <summary>The values of every subfield with <paramref name="code"/>, in record order.</summary>
    public IReadOnlyList<string> GetValues(char code)
    {
        var values = new List<string>();
        foreach (var subfield in subfields)
        {
            if (subfield.Code == code)
            {
                values.Add(subfield.Value);
            }
        }

        return values;
    }

    /// <summary>The field as yaz-marcdump prints it.</summary>
    public override string ToString() => $"{Tag} {Indicator1}{Indicator2} {string.Join(' ', subfields)}";
}

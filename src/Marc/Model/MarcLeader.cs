using System.Globalization;

namespace Lsb.Hub.Marc;

/// <summary>
/// The 24-character record leader, kept exactly as read. Numeric positions (record length 00-04, base address 12-16)
/// are recomputed by the ISO 2709 writer, so they MAY be stale in a record built or edited in memory.
/// </summary>
public readonly struct MarcLeader : IEquatable<MarcLeader>
{
    /// <summary>Length of every leader.</summary>
    public const int Length = 24;

    private readonly string? value;

    /// <summary>Wraps a leader; <paramref name="value"/> MUST be exactly 24 characters.</summary>
    public MarcLeader(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length != Length)
        {
            throw new ArgumentException($"A MARC leader is 24 characters; got {value.Length}: '{value}'.", nameof(value));
        }

        this.value = value;
    }

    /// <summary>The 24 characters; a default leader is 24 spaces.</summary>
    public string Value => value ?? new string(' ', Length);

    /// <summary>The character at a leader position (0-23).</summary>
    public char this[int position] => Value[position];

    /// <summary>Leader/00-04 as a number, or -1 when it is not five digits.</summary>
    public int RecordLength => ParseDigits(0, 5);

    /// <summary>Leader/05 record status (n new, c corrected, d deleted, ...).</summary>
    public char RecordStatus => Value[5];

    /// <summary>Leader/06 type of record.</summary>
    public char TypeOfRecord => Value[6];

    /// <summary>Leader/07 bibliographic level (m monograph, s serial, ...).</summary>
    public char BibliographicLevel => Value[7];

    /// <summary>Leader/09 character coding scheme.</summary>
    public MarcCharacterCoding CharacterCoding => Value[9] switch
    {
        ' ' => MarcCharacterCoding.Marc8,
        'a' => MarcCharacterCoding.Unicode,
        _ => MarcCharacterCoding.Other,
    };

    /// <summary>Leader/12-16 base address of data as a number, or -1 when it is not five digits.</summary>
    public int BaseAddress => ParseDigits(12, 5);

    /// <summary>Leader/17 encoding level.</summary>
    public char EncodingLevel => Value[17];

    /// <summary>The kind of record leader/06 declares.</summary>
    public MarcRecordKind Kind => TypeOfRecord switch
    {
        'a' or 'c' or 'd' or 'e' or 'f' or 'g' or 'i' or 'j' or 'k' or 'm' or 'o' or 'p' or 'r' or 't' => MarcRecordKind.Bibliographic,
        'z' => MarcRecordKind.Authority,
        'x' => MarcRecordKind.HoldingsSinglePart,
        'y' => MarcRecordKind.HoldingsSerial,
        'v' => MarcRecordKind.HoldingsMultipart,
        'u' => MarcRecordKind.HoldingsUnknown,
        'w' => MarcRecordKind.Classification,
        'q' => MarcRecordKind.Community,
        _ => MarcRecordKind.Unknown,
    };

    /// <summary>True for holdings records (leader/06 x, y, v or u).</summary>
    public bool IsHoldings => Kind is MarcRecordKind.HoldingsSinglePart or MarcRecordKind.HoldingsSerial
        or MarcRecordKind.HoldingsMultipart or MarcRecordKind.HoldingsUnknown;

    /// <summary>A copy with one position replaced.</summary>
    public MarcLeader With(int position, char character)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Length);
        return new MarcLeader(string.Create(Length, (Value, position, character), static (span, state) =>
        {
            state.Value.AsSpan().CopyTo(span);
            span[state.position] = state.character;
        }));
    }

    /// <summary>A copy with positions <paramref name="position"/>.. replaced by <paramref name="text"/>.</summary>
    public MarcLeader With(int position, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position + text.Length, Length);
        return new MarcLeader(string.Concat(Value.AsSpan(0, position), text, Value.AsSpan(position + text.Length)));
    }

    /// <inheritdoc />
    public bool Equals(MarcLeader other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MarcLeader other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Value equality.</summary>
    public static bool operator ==(MarcLeader left, MarcLeader right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(MarcLeader left, MarcLeader right) => !left.Equals(right);

    private int ParseDigits(int start, int count)
    {
        var text = Value.AsSpan(start, count);
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }
        }

        return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}

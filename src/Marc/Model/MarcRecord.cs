namespace Lsb.Hub.Marc;

/// <summary>
/// A MARC 21 record: leader plus variable fields in the order they were read (field order is NEVER changed by the
/// library, so unordered tags and alphabetic local tags survive a round trip). All text is Unicode.
/// </summary>
public sealed class MarcRecord
{
    private static readonly IReadOnlyList<MarcDiagnostic> NoDiagnostics = [];

    /// <summary>Creates an empty record with the given leader.</summary>
    public MarcRecord(MarcLeader leader)
        : this(leader, [])
    {
    }

    /// <summary>Creates a record with a leader and fields (copied into <see cref="Fields"/>).</summary>
    public MarcRecord(MarcLeader leader, IEnumerable<MarcField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Leader = leader;
        FieldList = [.. fields];
        Diagnostics = NoDiagnostics;
    }

    internal MarcRecord(MarcLeader leader, List<MarcField> fields, IReadOnlyList<MarcDiagnostic>? diagnostics, int recordNumber, long byteOffset)
    {
        Leader = leader;
        FieldList = fields;
        Diagnostics = diagnostics ?? NoDiagnostics;
        RecordNumber = recordNumber;
        ByteOffset = byteOffset;
    }

    /// <summary>The leader as read (or as set).</summary>
    public MarcLeader Leader { get; set; }

    /// <summary>The variable fields, in order; editable.</summary>
    public IList<MarcField> Fields => FieldList;

    /// <summary>What leader/06 says the record is.</summary>
    public MarcRecordKind Kind => Leader.Kind;

    /// <summary>
    /// Problems the reader found and recovered from (lenient mode only; empty for a clean record and for records built
    /// in memory). Each names record number, byte offset and what was wrong.
    /// </summary>
    public IReadOnlyList<MarcDiagnostic> Diagnostics { get; }

    /// <summary>1-based position of the record in its source, or 0 for a record built in memory.</summary>
    public int RecordNumber { get; }

    /// <summary>Byte offset of the record's first leader byte in its source (-1 for records not read from bytes).</summary>
    public long ByteOffset { get; } = -1;

    /// <summary>The 001 control number, or null.</summary>
    public string? ControlNumber => GetControlField("001")?.Value;

    internal List<MarcField> FieldList { get; }

    /// <summary>The first control field with <paramref name="tag"/>, or null.</summary>
    public MarcControlField? GetControlField(string tag)
    {
        foreach (var field in FieldList)
        {
            if (field is MarcControlField control && string.Equals(field.Tag, tag, StringComparison.Ordinal))
            {
                return control;
            }
        }

        return null;
    }

    /// <summary>The first data field with <paramref name="tag"/>, or null.</summary>
    public MarcDataField? GetDataField(string tag)
    {
        foreach (var field in FieldList)
        {
            if (field is MarcDataField data && string.Equals(field.Tag, tag, StringComparison.Ordinal))
            {
                return data;
            }
        }

        return null;
    }

    /// <summary>Every data field with <paramref name="tag"/>, in record order.</summary>
    public IReadOnlyList<MarcDataField> GetDataFields(string tag)
    {
        var result = new List<MarcDataField>();
        foreach (var field in FieldList)
        {
            if (field is MarcDataField data && string.Equals(field.Tag, tag, StringComparison.Ordinal))
            {
                result.Add(data);
            }
        }

        return result;
    }

    /// <summary>Every field (control or data) with <paramref name="tag"/>, in record order.</summary>
    public IReadOnlyList<MarcField> GetFields(string tag)
    {
        var result = new List<MarcField>();
        foreach (var field in FieldList)
        {
            if (string.Equals(field.Tag, tag, StringComparison.Ordinal))
            {
                result.Add(field);
            }
        }

        return result;
    }
}

namespace Lsb.Hub.Marc;

/// <summary>How the parser turns the bytes of the current record into text.</summary>
internal enum FieldTextMode
{
    /// <summary>UTF-8, and the record's data area was validated as a whole: decode without checking again.</summary>
    Utf8Valid,

    /// <summary>UTF-8 with at least one bad sequence somewhere: validate each string and report the bad ones.</summary>
    Utf8Checked,

    /// <summary>MARC-8.</summary>
    Marc8,

    /// <summary>A single-byte legacy code page chosen by the caller.</summary>
    Legacy,
}

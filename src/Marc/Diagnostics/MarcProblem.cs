namespace Lsb.Hub.Marc;

/// <summary>What was wrong. Stable names: log and count by these, not by message text.</summary>
public enum MarcProblem
{
    /// <summary>Bytes that are not part of any record (NUL, SUB 0x1A, blanks, line ends) were skipped.</summary>
    FillerSkipped,

    /// <summary>Bytes that look like neither filler nor a record were skipped while searching for the next record.</summary>
    GarbageSkipped,

    /// <summary>Leader/00-04 is not a number, or the number is impossible.</summary>
    BadRecordLength,

    /// <summary>The record terminator (0x1D) is not where the leader's record length says.</summary>
    RecordLengthMismatch,

    /// <summary>The record is longer than ISO 2709 allows (99,999 bytes).</summary>
    RecordTooLong,

    /// <summary>The file ended inside a record.</summary>
    TruncatedRecord,

    /// <summary>A leader position MARC 21 fixes (10-11 "22", 20-23 "4500") or restricts to ASCII holds something else.</summary>
    NonStandardLeader,

    /// <summary>Leader/12-16 base address is not a number or does not point just past the directory.</summary>
    BadBaseAddress,

    /// <summary>The directory has no terminator, is not a whole number of 12-byte entries, or an entry is not numeric.</summary>
    BadDirectory,

    /// <summary>A directory entry points outside the record.</summary>
    FieldOutOfBounds,

    /// <summary>A field's directory length does not end on a field terminator (0x1E).</summary>
    FieldLengthMismatch,

    /// <summary>A data field has bytes before its first subfield delimiter, or a subfield without a code.</summary>
    BadSubfield,

    /// <summary>An indicator or subfield code is not an ASCII character.</summary>
    BadIndicator,

    /// <summary>Leader/09 says MARC-8 but the data is valid UTF-8 with non-ASCII characters (and no MARC-8 escapes); read as UTF-8.</summary>
    MislabelledCharacterCoding,

    /// <summary>Text declared UTF-8 is not valid UTF-8; bad bytes became U+FFFD.</summary>
    InvalidUtf8,

    /// <summary>A MARC-8 escape sequence is incomplete or designates an unknown character set.</summary>
    BadMarc8Escape,

    /// <summary>A MARC-8 code has no character in the current set (or an EACC code is incomplete); it was dropped.</summary>
    UnmappedMarc8Character,

    /// <summary>A MARC-8 combining mark had no base character after it.</summary>
    DanglingCombiningMark,

    /// <summary>MARCXML is not well-formed or not MARCXML.</summary>
    BadXml,

    /// <summary>A MARCXML record lacks something MARCXML requires (leader, tag, subfield code) or holds an invalid value.</summary>
    BadXmlRecord,

    /// <summary>The writer cannot represent the record in ISO 2709 (over 99,999 bytes, a field over 9,999 bytes, a bad tag).</summary>
    NotWritable,
}

namespace Lsb.Hub.Marc;

/// <summary>What went wrong while decoding one MARC-8 string (flags; <see cref="None"/> for clean text).</summary>
[Flags]
public enum Marc8Problems
{
    /// <summary>Clean.</summary>
    None = 0,

    /// <summary>An escape sequence was incomplete or named an unknown set; it was skipped.</summary>
    BadEscape = 1,

    /// <summary>A code had no character in the designated set, or an EACC code was cut short; it was dropped.</summary>
    UnmappedCharacter = 2,

    /// <summary>Combining marks at the end of the string had no base character; they were kept as they are.</summary>
    DanglingCombiningMark = 4,
}

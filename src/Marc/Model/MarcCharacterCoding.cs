namespace Lsb.Hub.Marc;

/// <summary>The character coding scheme leader/09 declares.</summary>
public enum MarcCharacterCoding
{
    /// <summary>Leader/09 blank: MARC-8.</summary>
    Marc8,

    /// <summary>Leader/09 <c>a</c>: UCS/Unicode, in ISO 2709 files UTF-8.</summary>
    Unicode,

    /// <summary>Leader/09 holds anything else (a damaged or non-MARC 21 leader).</summary>
    Other,
}

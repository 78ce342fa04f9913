namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>The character set a holdings export is written in.</summary>
public enum MarcCharacterSetChoice
{
    /// <summary>UTF-8 (leader/09 <c>a</c>).</summary>
    Utf8,
    /// <summary>MARC-8 with ANSEL diacritics (leader/09 blank); characters outside it as <c>&amp;#xHHHH;</c>.</summary>
    Marc8,
}

namespace Lsb.Hub.Marc;

/// <summary>
/// One subfield of a <see cref="MarcDataField"/>: a one-character code (usually <c>a</c>-<c>z</c> or <c>0</c>-<c>9</c>)
/// and its text, already decoded to Unicode. A value is NEVER null; an empty subfield has <see cref="string.Empty"/>.
/// </summary>
public readonly record struct MarcSubfield(char Code, string Value)
{
    /// <summary>The subfield as yaz-marcdump prints it: <c>$a value</c>.</summary>
    public override string ToString() => $"${Code} {Value}";
}

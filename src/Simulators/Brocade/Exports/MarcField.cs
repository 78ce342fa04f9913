namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>A field for <see cref="Iso2709Builder"/>: a control field (value) or a data field (indicators, subfields).</summary>
internal sealed record MarcField(string Tag, string? Value, char Indicator1 = ' ', char Indicator2 = ' ', IReadOnlyList<(char Code, string Value)>? Subfields = null);

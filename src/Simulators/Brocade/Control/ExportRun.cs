namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>One export run: its number, when it was made and the data files written (full paths).</summary>
/// <param name="Number">Exportnummer, increasing per installation.</param>
/// <param name="CreatedAt">When it was made (also the marker's <c>aangemaakt</c>).</param>
/// <param name="Kind">Full or delta.</param>
/// <param name="Files">The data files (members CSV, holdings MARC, loans CSV).</param>
public sealed record ExportRun(int Number, DateTimeOffset CreatedAt, ExportKind Kind, IReadOnlyList<string> Files);

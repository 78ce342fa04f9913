namespace Lsb.Hub.Simulators.Catalogues.Ggc;

/// <summary>One block of the import monitor: a library's imports of one day. No file that day, no block.</summary>
/// <param name="Day">The business day.</param>
/// <param name="Isil">The library.</param>
/// <param name="Iln">Its ILN, as the last manifest gave it.</param>
/// <param name="Files">The files imported, in order.</param>
/// <param name="Accepted">Records applied that day.</param>
/// <param name="Rejected">Records refused that day.</param>
/// <param name="Unmatched">Copies that fell out that day.</param>
public sealed record GgcMonitorBlock(string Day, string Isil, string? Iln, IReadOnlyList<string> Files, int Accepted, int Rejected, int Unmatched);

namespace Lsb.Hub.Simulators.Catalogues.Ggc;

/// <summary>
/// The manifest that completes a delivery: it names the data file, the library and the day, and carries the record
/// count and SHA-256 of the file, so a truncated or altered upload is refused instead of half applied. The import runs
/// when the manifest arrives.
/// </summary>
/// <param name="File">The data file's name, as uploaded.</param>
/// <param name="Isil">The library whose copies the file changes.</param>
/// <param name="Iln">The library's ILN in GGC, when the sender knows it.</param>
/// <param name="Day">The business day (yyyy-MM-dd) the file belongs to.</param>
/// <param name="Records">Number of MARC records in the file.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Producer">The sending system.</param>
/// <param name="Batch">The sender's batch id.</param>
/// <param name="Part">1-based part of the batch this file is.</param>
/// <param name="Parts">Number of parts of the batch.</param>
public sealed record GgcManifest(string File, string Isil, string? Iln, string Day, int Records, string Sha256,
    string? Producer = null, string? Batch = null, int Part = 1, int Parts = 1);

using Dapper;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Installations;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Consolidation;

/// <summary>
/// Where a command for a library goes now. Features that send canonical commands to an ILS (interlibrary loan, holds,
/// check-out) MUST resolve the installation and the local ids here when the command is handled — not when it is
/// created or queued — so that a command queued before a move, or a failed one replayed after it, goes to the
/// library's installation of the moment and names the entity by that installation's id.
/// </summary>
public sealed class LibraryRouting(InstallationStore installations, HubDatabase database, TimeProvider time)
{
    /// <summary>The installation serving the library with this ISIL (current, original or former; a Dutch branch ISIL
    /// leads to its head office's library when the branch is not registered itself), or null.</summary>
    public async Task<(RegisteredLibrary Library, Installation Installation)?> ResolveAsync(Isil isil, CancellationToken cancellationToken)
    {
        var library = await installations.FindRegisteredLibraryAsync(isil, cancellationToken);
        if (library is null && isil is { IsDutch: true } && isil.DutchLocation != "0000")
            library = await installations.FindRegisteredLibraryAsync(Isil.Parse(isil.Value[..9] + "0000"), cancellationToken);
        if (library is null) return null;
        var installation = await installations.GetAsync(library.InstallationId, cancellationToken);
        return installation is null ? null : (library, installation);
    }

    /// <summary>
    /// The local id by which <paramref name="installationId"/> knows a canonical member, holding or loan, or null. An
    /// entry a move made counts from the move's cut-over only.
    /// </summary>
    /// <param name="installationId">The installation.</param>
    /// <param name="entity"><c>member</c>, <c>holding</c> or <c>loan</c>.</param>
    /// <param name="canonicalId">The canonical id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async Task<string?> LocalIdAsync(string installationId, string entity, string canonicalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var now = MoveStore.Iso(time.GetUtcNow());
        return await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT local_id FROM id_map WHERE installation_id = @installationId AND entity = @entity AND canonical_id = @canonicalId " +
            "AND (bound_at IS NULL OR bound_at <= @now) ORDER BY created_at DESC",
            new { installationId, entity, canonicalId, now }, cancellationToken: cancellationToken));
    }
}

using System.Data.Common;
using Dapper;
using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Consolidation;

/// <summary>
/// The hub's members, copies and loans of one library as one installation knows them (its id-map entries). A library
/// is its ISIL and, for a Dutch head office (location 0000), every branch of the same legal entity (NL-TTRRRR….).
/// </summary>
internal static class LibraryEntities
{
    private const string MemberSql = """
        SELECT m.local_id AS LocalId, m.canonical_id AS CanonicalId,
               CASE WHEN s.removed OR m.erased_at IS NOT NULL THEN 0 ELSE 1 END AS Active
        FROM id_map m JOIN members s ON s.id = m.canonical_id
        WHERE m.installation_id = @installation AND m.entity = 'member' AND (s.home_isil = @isil OR s.home_isil LIKE @branches)
        """;

    private const string HoldingSql = """
        SELECT m.local_id AS LocalId, m.canonical_id AS CanonicalId, CASE WHEN s.withdrawn THEN 0 ELSE 1 END AS Active
        FROM id_map m JOIN holdings s ON s.id = m.canonical_id
        WHERE m.installation_id = @installation AND m.entity = 'holding' AND (s.isil = @isil OR s.isil LIKE @branches)
        """;

    private const string LoanSql = """
        SELECT m.local_id AS LocalId, m.canonical_id AS CanonicalId, CASE WHEN s.ended_at IS NULL THEN 1 ELSE 0 END AS Active
        FROM id_map m JOIN loans s ON s.id = m.canonical_id
        WHERE m.installation_id = @installation AND m.entity = 'loan' AND (s.isil = @isil OR s.isil LIKE @branches)
        """;

    /// <summary>The id-map entity name of a map entity.</summary>
    public static string IdMapEntity(MapEntity entity) => entity switch
    {
        MapEntity.Member => "member",
        MapEntity.Copy => "holding",
        _ => "loan",
    };

    /// <summary>The LIKE pattern of a library's branches (the ISIL itself when it is not a Dutch head office).</summary>
    public static string BranchPattern(Isil isil)
        => isil is { IsDutch: true, DutchLocation: "0000" } ? isil.Value[..9] + "%" : isil.Value;

    /// <summary>The library's entities of one kind, by local id.</summary>
    public static async Task<Dictionary<string, Known>> LoadAsync(DbConnection connection, string installation, Isil isil, MapEntity entity, CancellationToken cancellationToken)
    {
        var sql = entity switch { MapEntity.Member => MemberSql, MapEntity.Copy => HoldingSql, _ => LoanSql };
        var rows = await connection.QueryAsync<Known>(new CommandDefinition(sql,
            new { installation, isil = isil.Value, branches = BranchPattern(isil) }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.LocalId, StringComparer.Ordinal);
    }

    /// <summary>The canonical ids <paramref name="localIds"/> have in an installation's id map (those it has).</summary>
    public static async Task<Dictionary<string, string>> MappedAsync(DbConnection connection, Storage.SqlDialect dialect, string installation, string entity,
        IEnumerable<string> localIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in localIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var rows = await connection.QueryAsync<(string LocalId, string CanonicalId)>(new CommandDefinition(
                $"SELECT local_id, canonical_id FROM id_map WHERE installation_id = @installation AND entity = @entity AND {In(dialect, "local_id", "ids")}",
                new { installation, entity, ids = chunk }, cancellationToken: cancellationToken));
            foreach (var (localId, canonicalId) in rows) found[localId] = canonicalId;
        }
        return found;
    }

    /// <summary>A list condition for Dapper: PostgreSQL takes the array as one parameter, Dapper expands it for SQLite.</summary>
    public static string In(Storage.SqlDialect dialect, string column, string parameter)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return dialect.IsPostgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";
    }

    /// <summary>One entity of the library.</summary>
    public sealed class Known
    {
        /// <summary>The installation's local id.</summary>
        public string LocalId { get; set; } = "";

        /// <summary>The canonical id.</summary>
        public string CanonicalId { get; set; } = "";

        /// <summary>1 when it still matters for the move (a member not removed, a copy not withdrawn, an open loan).</summary>
        public long Active { get; set; }
    }
}

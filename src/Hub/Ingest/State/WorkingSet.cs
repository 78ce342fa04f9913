using System.Data.Common;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Ingest.State;

/// <summary>
/// The members, holdings and loans one page of changes touches, read in three queries at the start of the
/// transaction (not one query per change), changed in memory, and written back by <see cref="StateWriter"/>.
/// </summary>
public sealed class WorkingSet
{
    /// <summary>Entity names in the id map.</summary>
    public const string MemberEntity = "member", HoldingEntity = "holding", LoanEntity = "loan";

    private readonly string _installationId;

    private WorkingSet(string installationId) => _installationId = installationId;

    /// <summary>A set that holds nothing yet, for <paramref name="installationId"/>.</summary>
    public static WorkingSet Empty(string installationId) => new(installationId);

    /// <summary>Members by vendor local id.</summary>
    public Dictionary<string, Tracked<MemberRow>> Members { get; } = new(StringComparer.Ordinal);
    /// <summary>Holdings by vendor local id.</summary>
    public Dictionary<string, Tracked<HoldingRow>> Holdings { get; } = new(StringComparer.Ordinal);
    /// <summary>Loans by vendor local id.</summary>
    public Dictionary<string, Tracked<LoanRow>> Loans { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads everything <paramref name="changes"/> refers to. On SQLite, given <paramref name="openReader"/>, the three
    /// reads run at once, two of them on connections of their own: the page's transaction holds SQLite's write lock and
    /// has written nothing yet, so any connection reads exactly what the transaction would (nobody else can commit in
    /// between). On PostgreSQL the rows are locked inside the transaction, so it reads them there, one table after another
    /// (<paramref name="openReader"/> is not used).
    /// </summary>
    public static async Task<WorkingSet> LoadAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        string installationId, IReadOnlyList<CanonicalChange> changes, CancellationToken cancellationToken,
        Func<CancellationToken, Task<DbConnection>>? openReader = null, RowCache? kept = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(changes);
        var set = new WorkingSet(installationId);
        var members = new HashSet<string>(StringComparer.Ordinal);
        var holdings = new HashSet<string>(StringComparer.Ordinal);
        var loans = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            switch (change)
            {
                case MemberSnapshot or MemberGone: Want(installationId, kept?.Members, set.Members, members, change.LocalId); break;
                case HoldingSnapshot or HoldingGone: Want(installationId, kept?.Holdings, set.Holdings, holdings, change.LocalId); break;
                case LoanSnapshot loan:
                    Want(installationId, kept?.Loans, set.Loans, loans, loan.LocalId);
                    Want(installationId, kept?.Members, set.Members, members, loan.MemberLocalId);
                    Want(installationId, kept?.Holdings, set.Holdings, holdings, loan.HoldingLocalId);
                    break;
            }
        }
        if (openReader is null || dialect.IsPostgres)
        {
            await LoadAsync(connection, transaction, dialect, installationId, MemberEntity, "members", MemberRow.ReadColumns, MemberRow.Read, members, set.Members, cancellationToken);
            await LoadAsync(connection, transaction, dialect, installationId, HoldingEntity, "holdings", HoldingRow.Columns, HoldingRow.Read, holdings, set.Holdings, cancellationToken);
            await LoadAsync(connection, transaction, dialect, installationId, LoanEntity, "loans", LoanRow.ReadColumns, LoanRow.Read, loans, set.Loans, cancellationToken);
            return set;
        }
        // Members and loans on connections of their own, alongside the holdings on the page's connection (each task fills
        // its own dictionary).
        await Task.WhenAll(
            Task.Run(() => LoadApartAsync(openReader, dialect, installationId, MemberEntity, "members", MemberRow.ReadColumns, MemberRow.Read, members, set.Members, cancellationToken), cancellationToken),
            Task.Run(() => LoadApartAsync(openReader, dialect, installationId, LoanEntity, "loans", LoanRow.ReadColumns, LoanRow.Read, loans, set.Loans, cancellationToken), cancellationToken),
            LoadAsync(connection, transaction, dialect, installationId, HoldingEntity, "holdings", HoldingRow.Columns, HoldingRow.Read, holdings, set.Holdings, cancellationToken));
        return set;
    }

    // An entity the page needs: taken from the rows kept between pages, or read with the others.
    private static void Want<TRow>(string installationId, RowCache.Kept<TRow>? kept, Dictionary<string, Tracked<TRow>> into, HashSet<string> toRead, string localId) where TRow : class
    {
        if (into.ContainsKey(localId) || toRead.Contains(localId)) return;
        if (kept?.Find(installationId, localId) is { } found) into[localId] = found;
        else toRead.Add(localId);
    }

    /// <summary>The tracked member for a local id, reserving a new canonical id when the hub has never seen it.</summary>
    public Tracked<MemberRow> Member(string localId) => GetOrReserve(Members, localId, () => MemberId.New().ToString());

    /// <summary>The tracked holding for a local id.</summary>
    public Tracked<HoldingRow> Holding(string localId) => GetOrReserve(Holdings, localId, () => HoldingId.New().ToString());

    /// <summary>The tracked loan for a local id.</summary>
    public Tracked<LoanRow> Loan(string localId) => GetOrReserve(Loans, localId, () => LoanId.New().ToString());

    /// <summary>The hub's guest loans the page's loan changes may be (<see cref="IGuestLoanSource"/>); none until loaded.</summary>
    public GuestLoans GuestLoans { get; set; } = GuestLoans.None();

    /// <summary>Maps the lending system's loan <paramref name="localId"/> onto the hub's guest loan <paramref name="guestLoan"/>
    /// (the id-map entry is written with the page); returns it tracked.</summary>
    public Tracked<LoanRow> AdoptLoan(string localId, LoanRow guestLoan)
    {
        ArgumentNullException.ThrowIfNull(guestLoan);
        var tracked = new Tracked<LoanRow> { CanonicalId = guestLoan.Id, Mapped = false, Row = guestLoan };
        Loans[localId] = tracked;
        return tracked;
    }

    /// <summary>The installation the set belongs to.</summary>
    public string InstallationId => _installationId;

    private static Tracked<TRow> GetOrReserve<TRow>(Dictionary<string, Tracked<TRow>> map, string localId, Func<string> newId) where TRow : class
    {
        if (map.TryGetValue(localId, out var tracked)) return tracked;
        tracked = new Tracked<TRow> { CanonicalId = newId(), Mapped = false };
        map[localId] = tracked;
        return tracked;
    }

    private static async Task LoadAsync<TRow>(DbConnection connection, DbTransaction? transaction, SqlDialect dialect,
        string installationId, string entity, string table, string[] columns, Func<DbDataReader, int, TRow> read, HashSet<string> localIds,
        Dictionary<string, Tracked<TRow>> into, CancellationToken cancellationToken) where TRow : class
    {
        if (localIds.Count == 0) return;
        if (dialect.IsPostgres)
        {
            // Several nodes (and several handlers per node) may apply pages of one installation at once. Lock the
            // entities' id-map rows first, in a fixed order (no deadlocks); the next statement then reads the rows as
            // the previous writer committed them, so a newer version is never overwritten by an older one.
            await LockAsync(connection, transaction!, dialect, installationId, entity, localIds,
                "SELECT local_id FROM id_map WHERE installation_id = @installation AND entity = @entity AND " +
                $"{dialect.InList("local_id", "@ids")} ORDER BY local_id FOR UPDATE", cancellationToken);
            // After a library moved, two installations' id-map entries name one entity (Consolidation), and pages of
            // both may be applied at once: lock the entities' own rows too, so the second reads what the first wrote
            // and the same change reported by both systems makes one event.
            await LockAsync(connection, transaction!, dialect, installationId, entity, localIds,
                $"SELECT s.id FROM {table} s WHERE s.id IN (SELECT canonical_id FROM id_map WHERE installation_id = @installation AND entity = @entity AND " +
                $"{dialect.InList("local_id", "@ids")}) ORDER BY s.id FOR UPDATE", cancellationToken);
        }
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"SELECT m.local_id, m.canonical_id, m.bound_at, {string.Join(", ", columns.Select(c => "s." + c))} FROM id_map m LEFT JOIN {table} s ON s.id = m.canonical_id " +
            $"WHERE m.installation_id = @installation AND m.entity = @entity AND {dialect.InList("m.local_id", "@ids")}";
        AddText(command, "installation", installationId);
        AddText(command, "entity", entity);
        dialect.AddList(command, "@ids", localIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var localId = reader.GetString(0);
            var canonicalId = reader.GetString(1);
            var boundAt = reader.IsDBNull(2) ? null : reader.GetString(2);
            // Typed reads by ordinal (HoldingRow.Read etc.): Dapper's mapper boxed every value, about a tenth of the
            // ingest benchmark's CPU (docs/performance.md).
            var row = reader.IsDBNull(3) ? null : read(reader, 3);
            into[localId] = new Tracked<TRow> { CanonicalId = canonicalId, Mapped = true, Row = row, BoundAt = boundAt, StoredRow = row };
        }
    }

    private static async Task LoadApartAsync<TRow>(Func<CancellationToken, Task<DbConnection>> openReader, SqlDialect dialect,
        string installationId, string entity, string table, string[] columns, Func<DbDataReader, int, TRow> read, HashSet<string> localIds,
        Dictionary<string, Tracked<TRow>> into, CancellationToken cancellationToken) where TRow : class
    {
        if (localIds.Count == 0) return;
        await using var connection = await openReader(cancellationToken);
        await LoadAsync(connection, null, dialect, installationId, entity, table, columns, read, localIds, into, cancellationToken);
    }

    private static async Task LockAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string installationId,
        string entity, HashSet<string> localIds, string sql, CancellationToken cancellationToken)
    {
        await using var lockCommand = connection.CreateCommand();
        lockCommand.Transaction = transaction;
        lockCommand.CommandText = sql;
        AddText(lockCommand, "installation", installationId);
        AddText(lockCommand, "entity", entity);
        dialect.AddList(lockCommand, "@ids", localIds);
        await using var locked = await lockCommand.ExecuteReaderAsync(cancellationToken);
        while (await locked.ReadAsync(cancellationToken)) { }
    }

    private static void AddText(System.Data.Common.DbCommand command, string name, string value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}

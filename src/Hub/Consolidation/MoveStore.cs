using Lsb.Hub.Canonical.Identity;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Lsb.Hub.Infrastructure;
using Lsb.Hub.Installations;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Consolidation;

/// <summary>
/// Moves in the hub's database. Every step is one transaction that first claims the step with a conditional status
/// update, so two nodes (or a restarted one) never carry out a step twice, and a step that fails leaves nothing behind.
/// </summary>
public sealed class MoveStore(HubDatabase database, InstallationStore installations, IEnumerable<IMoveParticipant> participants, TimeProvider time)
{
    private const int RebindBatch = 500;
    private readonly IMoveParticipant[] _participants = [.. participants];

    /// <summary>Stores a validated move with its frozen map; null when the library has an unfinished move already.</summary>
    public async Task<LibraryMove?> CreateAsync(MovePlan plan, MoveReport report, string? requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var now = Iso(time.GetUtcNow());
        var move = new LibraryMove
        {
            Id = "mov-" + Uuid7.New().ToString("N"), Isil = plan.Isil,
            SourceInstallation = plan.Source.Id, SourceVendorLibraryId = plan.SourceVendorLibraryId,
            TargetInstallation = plan.Target.Id, TargetVendorLibraryId = plan.TargetVendorLibraryId, MergeIntoIsil = plan.MergeInto,
            CutOverAt = Iso(plan.CutOverAt), OverlapUntil = Iso(plan.OverlapUntil), Status = nameof(MoveStatus.Rebinding),
            MembersTotal = plan.Bindings.Count(b => b.Entity == "member"), HoldingsTotal = plan.Bindings.Count(b => b.Entity == "holding"),
            LoansTotal = plan.Bindings.Count(b => b.Entity == "loan"), Report = JsonSerializer.Serialize(report, HubJson.Options),
            RequestedBy = requestedBy, RequestedAt = now, UpdatedAt = now,
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO library_moves (id, isil, source_installation, source_vendor_library_id, target_installation, target_vendor_library_id,
                    merge_into_isil, cut_over_at, overlap_until, status, members_total, holdings_total, loans_total, rebound, report,
                    requested_by, requested_at, updated_at)
                VALUES (@Id, @Isil, @SourceInstallation, @SourceVendorLibraryId, @TargetInstallation, @TargetVendorLibraryId, @MergeIntoIsil,
                    @CutOverAt, @OverlapUntil, @Status, @MembersTotal, @HoldingsTotal, @LoansTotal, 0, @Report, @RequestedBy, @RequestedAt, @UpdatedAt)
                """, move, tx, cancellationToken: cancellationToken));
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            return null;
        }
        await using (var batch = new RowBatch(connection, tx,
            "INSERT INTO library_move_map (move_id, entity, old_local_id, new_local_id, canonical_id, rebound) VALUES (@m, @e, @o, @n, @c, 0)",
            "m", "e", "o", "n", "c"))
        {
            foreach (var b in plan.Bindings) await batch.AddAsync([move.Id, b.Entity, b.OldLocalId, b.NewLocalId, b.CanonicalId], cancellationToken);
            await batch.FlushAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return move;
    }

    /// <summary>One move, or null.</summary>
    public async Task<LibraryMove?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<LibraryMove>(new CommandDefinition(
            "SELECT * FROM library_moves WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>The moves of a library (by any ISIL it had), newest first.</summary>
    public async Task<IReadOnlyList<LibraryMove>> ListAsync(IReadOnlyCollection<string> isils, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<LibraryMove>(new CommandDefinition(
            $"SELECT * FROM library_moves WHERE {LibraryEntities.In(database.Dialect, "isil", "isils")} OR {LibraryEntities.In(database.Dialect, "merge_into_isil", "isils")} ORDER BY requested_at DESC",
            new { isils = isils.ToArray() }, cancellationToken: cancellationToken))];
    }

    /// <summary>Moves not completed, oldest first.</summary>
    public async Task<IReadOnlyList<LibraryMove>> OpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<LibraryMove>(new CommandDefinition(
            "SELECT * FROM library_moves WHERE status <> 'Completed' ORDER BY requested_at", cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Makes the target's id-map entries for the next batch of map lines: the new local id names the same canonical
    /// entity, valid from the cut-over (<c>bound_at</c>); an erased member's tombstone stays a tombstone. True when
    /// every line is rebound (the move then waits for its cut-over).
    /// </summary>
    /// <exception cref="InvalidOperationException">A new id was taken by another entity since validation.</exception>
    public async Task<bool> RebindNextAsync(LibraryMove move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(move);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var lines = (await connection.QueryAsync<MapLine>(new CommandDefinition(
            $"SELECT entity AS Entity, old_local_id AS OldLocalId, new_local_id AS NewLocalId, canonical_id AS CanonicalId FROM library_move_map " +
            $"WHERE move_id = @id AND rebound = 0 ORDER BY entity, old_local_id LIMIT {RebindBatch}",
            new { id = move.Id }, tx, cancellationToken: cancellationToken))).ToList();
        var now = Iso(time.GetUtcNow());
        var rows = lines.Select(l => new
        {
            target = move.TargetInstallation, source = move.SourceInstallation, entity = l.Entity, oldId = l.OldLocalId, newId = l.NewLocalId,
            canonical = l.CanonicalId, now, boundAt = move.CutOverAt, move = move.Id,
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO id_map (installation_id, entity, local_id, canonical_id, created_at, bound_at, erased_at)
            VALUES (@target, @entity, @newId, @canonical, @now, @boundAt,
                    (SELECT o.erased_at FROM id_map o WHERE o.installation_id = @source AND o.entity = @entity AND o.local_id = @oldId))
            ON CONFLICT (installation_id, entity, local_id) DO NOTHING
            """, rows, tx, cancellationToken: cancellationToken));
        var wrong = new List<string>();
        foreach (var chunk in rows.Chunk(200))
        {
            foreach (var entity in chunk.Select(r => r.entity).Distinct())
            {
                var expected = chunk.Where(r => r.entity == entity).ToDictionary(r => r.newId, r => r.canonical, StringComparer.Ordinal);
                var found = await connection.QueryAsync<(string LocalId, string CanonicalId)>(new CommandDefinition(
                    $"SELECT local_id, canonical_id FROM id_map WHERE installation_id = @target AND entity = @entity AND {LibraryEntities.In(database.Dialect, "local_id", "ids")}",
                    new { target = move.TargetInstallation, entity, ids = expected.Keys.ToArray() }, tx, cancellationToken: cancellationToken));
                wrong.AddRange(found.Where(f => expected[f.LocalId] != f.CanonicalId).Select(f => $"{entity} '{f.LocalId}' is {f.CanonicalId}, not {expected[f.LocalId]}"));
            }
        }
        if (wrong.Count > 0)
            throw new InvalidOperationException(
                $"Since the move was validated, installation '{move.TargetInstallation}' reported ids of the map as other entities ({string.Join("; ", wrong.Take(5))}" +
                $"{(wrong.Count > 5 ? $"; {wrong.Count - 5} more" : "")}). Nothing of this batch was rebound. Find out why the target reported them before the cut-over.");
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE library_move_map SET rebound = 1 WHERE move_id = @move AND entity = @entity AND old_local_id = @oldId", rows, tx, cancellationToken: cancellationToken));
        var rebound = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM library_move_map WHERE move_id = @id AND rebound = 1", new { id = move.Id }, tx, cancellationToken: cancellationToken));
        var done = lines.Count < RebindBatch;
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE library_moves SET rebound = @rebound, status = @status, updated_at = @now, last_error = NULL WHERE id = @id AND status = 'Rebinding'",
            new { id = move.Id, rebound, status = done ? nameof(MoveStatus.WaitingForCutOver) : nameof(MoveStatus.Rebinding), now }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return done;
    }

    /// <summary>
    /// Binds the library to the target (merger: its ISIL becomes a former ISIL of the one it merges into), lets the
    /// source keep reading it until the overlap ends, and lets the participants re-route; one transaction. False when
    /// another node did it first.
    /// </summary>
    public async Task<bool> CutOverAsync(LibraryMove move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(move);
        return await StepAsync(move, MoveStatus.WaitingForCutOver, MoveStatus.Overlap, "cut_over_done_at", (p, context, ct) => p.CutOverAsync(context, ct),
            (connection, tx, now) => BindToTargetAsync(move, connection, tx, now, cancellationToken), cancellationToken);
    }

    private static async Task BindToTargetAsync(LibraryMove move, DbConnection connection, DbTransaction tx, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var name = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT name FROM libraries WHERE isil = @isil", new { isil = move.Isil }, tx, cancellationToken: cancellationToken));
        if (move.MergeIntoIsil is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE libraries SET installation_id = @target, vendor_library_id = @library WHERE isil = @isil",
                new { target = move.TargetInstallation, library = move.TargetVendorLibraryId, isil = move.Isil }, tx, cancellationToken: cancellationToken));
        }
        else
        {
            var mergedLibrary = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT vendor_library_id FROM libraries WHERE isil = @current", new { current = move.MergeIntoIsil }, tx, cancellationToken: cancellationToken));
            if (mergedLibrary == move.TargetVendorLibraryId)
            {
                // The target keeps the records under the library it merged into: that library's reading covers them.
                await connection.ExecuteAsync(new CommandDefinition("DELETE FROM libraries WHERE isil = @isil", new { isil = move.Isil }, tx, cancellationToken: cancellationToken));
            }
            else
            {
                // The target keeps them under a library code of their own: read it, but the ISIL leads to the merged library.
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE libraries SET installation_id = @target, vendor_library_id = @library, merged_into = @current WHERE isil = @isil",
                    new { target = move.TargetInstallation, library = move.TargetVendorLibraryId, current = move.MergeIntoIsil, isil = move.Isil }, tx, cancellationToken: cancellationToken));
            }
            // Earlier mergers into this library now lead to the new current ISIL as well.
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE isil_history SET current_isil = @current WHERE current_isil = @isil",
                new { current = move.MergeIntoIsil, isil = move.Isil }, tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE libraries SET merged_into = @current WHERE merged_into = @isil",
                new { current = move.MergeIntoIsil, isil = move.Isil }, tx, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO isil_history (isil, current_isil, since, move_id) VALUES (@isil, @current, @now, @id)",
                new { isil = move.Isil, current = move.MergeIntoIsil, now = Iso(now), id = move.Id }, tx, cancellationToken: cancellationToken));
        }
        // The library's rows now belong to the target (routing, the customer view), on its clock with MovedVersion: its
        // first report of each entity counts whatever its version; until then a late change of the source still does.
        foreach (var (table, entity) in new[] { ("members", "member"), ("holdings", "holding"), ("loans", "loan") })
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE {table} SET installation_id = @target, source_version = @moved WHERE installation_id = @source " +
                "AND id IN (SELECT canonical_id FROM library_move_map WHERE move_id = @id AND entity = @entity)",
                new { target = move.TargetInstallation, moved = Ingest.ChangeApplier.MovedVersion, source = move.SourceInstallation, id = move.Id, entity },
                tx, cancellationToken: cancellationToken));
        }
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO library_drains (isil, installation_id, vendor_library_id, name, until, move_id)
            VALUES (@isil, @source, @library, @name, @until, @id)
            """, new { isil = move.Isil, source = move.SourceInstallation, library = move.SourceVendorLibraryId, name, until = move.OverlapUntil, id = move.Id },
            tx, cancellationToken: cancellationToken));
    }

    /// <summary>Ends the overlap: the source no longer reads the library. False when another node did it first.</summary>
    public async Task<bool> CompleteAsync(LibraryMove move, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(move);
        return await StepAsync(move, MoveStatus.Overlap, MoveStatus.Completed, "completed_at", (p, context, ct) => p.CompletedAsync(context, ct),
            (connection, tx, _) => connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM library_drains WHERE move_id = @id", new { id = move.Id }, tx, cancellationToken: cancellationToken)), cancellationToken);
    }

    // One step: claim it (a conditional status update; false when another node did it first), do it, let the
    // participants take part, commit, tell the registry's listeners. One transaction.
    private async Task<bool> StepAsync(LibraryMove move, MoveStatus from, MoveStatus to, string doneColumn,
        Func<IMoveParticipant, MoveContext, CancellationToken, Task> participate, Func<DbConnection, DbTransaction, DateTimeOffset, Task> work,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE library_moves SET status = @to, {doneColumn} = @now, updated_at = @now, last_error = NULL WHERE id = @id AND status = @from",
            new { id = move.Id, now = Iso(now), from = from.ToString(), to = to.ToString() }, tx, cancellationToken: cancellationToken));
        if (claimed == 0) return false;
        await work(connection, tx, now);
        var context = new MoveContext(move, connection, tx, database.Dialect, now);
        foreach (var participant in _participants) await participate(participant, context, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        installations.NotifyChanged();
        return true;
    }

    /// <summary>
    /// Ends a move's overlap now instead of at its planned time (the source system has been switched off, or an
    /// administrator has seen its last changes arrive). False when the move is not in its overlap.
    /// </summary>
    public async Task<bool> EndOverlapAsync(string id, CancellationToken cancellationToken)
    {
        var now = Iso(time.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE library_moves SET overlap_until = @now, updated_at = @now WHERE id = @id AND status = 'Overlap' AND overlap_until > @now",
            new { id, now }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE library_drains SET until = @now WHERE move_id = @id AND until > @now", new { id, now }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return changed > 0;
    }

    /// <summary>Records why a step failed (it is tried again).</summary>
    public async Task RecordErrorAsync(string id, string error, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE library_moves SET last_error = @error, updated_at = @now WHERE id = @id",
            new { id, error, now = Iso(time.GetUtcNow()) }, cancellationToken: cancellationToken));
    }

    /// <summary>The ISO 8601 text the hub stores times as.</summary>
    public static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static bool IsUniqueViolation(DbException e)
        => e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } || e is Npgsql.PostgresException { SqlState: "23505" };

    private sealed class MapLine
    {
        public string Entity { get; set; } = "";
        public string OldLocalId { get; set; } = "";
        public string NewLocalId { get; set; } = "";
        public string CanonicalId { get; set; } = "";
    }
}

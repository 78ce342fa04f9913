using System.Data.Common;
using Dapper;
using Lsb.Hub.EventLog;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Outbox;
using Lsb.Hub.Ibl.Process;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Ibl.Storage;

/// <summary>
/// Loads and saves interlibrary-loan requests. A save is ONE transaction: the request (guarded by its version), its
/// rota, steps, history, outbox messages, ISO 18626 messages and canonical events. So the log says a request moved
/// if and only if it moved, and what the move decided to do next is never lost.
/// </summary>
public sealed partial class IblStore(HubDatabase database)
{
    /// <summary>The request with its rota and steps, or null. One consistent snapshot: the row and its steps never
    /// come from different saves.</summary>
    public async Task<IblCase?> LoadAsync(string requestId, CancellationToken cancellationToken)
        => (await LoadWithHistoryAsync(requestId, withHistory: false, cancellationToken)).Case;

    /// <summary>The request with its rota, steps and (optionally) history, all read in one snapshot, or a null case.</summary>
    public async Task<(IblCase? Case, IReadOnlyList<HistoryEntry> History)> LoadWithHistoryAsync(string requestId, bool withHistory, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Separate statements outside a transaction may each see a different commit (SQLite WAL, PostgreSQL READ
        // COMMITTED): a view once showed a step done but not the due date that same save wrote.
        await using var tx = await HubDatabase.BeginSnapshotAsync(connection, cancellationToken);
        var request = await connection.QuerySingleOrDefaultAsync<IblRequest>(new CommandDefinition(
            "SELECT * FROM ibl_requests WHERE id = @requestId", new { requestId }, tx, cancellationToken: cancellationToken));
        if (request is null) return (null, []);
        var rota = (await connection.QueryAsync<RotaEntry>(new CommandDefinition(
            "SELECT * FROM ibl_rota WHERE request_id = @requestId ORDER BY position", new { requestId }, tx, cancellationToken: cancellationToken))).ToList();
        var steps = (await connection.QueryAsync<IblStep>(new CommandDefinition(
            "SELECT * FROM ibl_steps WHERE request_id = @requestId ORDER BY seq", new { requestId }, tx, cancellationToken: cancellationToken))).ToList();
        IReadOnlyList<HistoryEntry> history = withHistory
            ? [.. await connection.QueryAsync<HistoryEntry>(new CommandDefinition(
                "SELECT * FROM ibl_history WHERE request_id = @requestId ORDER BY seq", new { requestId }, tx, cancellationToken: cancellationToken))]
            : [];
        await tx.CommitAsync(cancellationToken);
        return (new IblCase(request, rota, steps), history);
    }

    /// <summary>
    /// Saves what a decision changed. Returns the log position of the last event appended (0 when none).
    /// </summary>
    /// <exception cref="IblConcurrencyException">Someone else saved the request first.</exception>
    /// <exception cref="IblDuplicateRequestException">A new request repeats an external agency's request id.</exception>
    public async Task<long> SaveAsync(IblCase c, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var r = c.Request;
        r.UpdatedAt = IblClock.Format(recordedAt);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        if (c.IsNew)
        {
            if (r.PeerRequestId is not null && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM ibl_requests WHERE requesting_agency = @agency AND peer_request_id = @peer",
                    new { agency = r.RequestingAgency, peer = r.PeerRequestId }, tx, cancellationToken: cancellationToken)) > 0)
                throw new IblDuplicateRequestException($"requestingAgencyRequestId: {r.RequestingAgency} already sent a request with id '{r.PeerRequestId}'.");
            r.Version = 1;
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertRequest, Parameters(r), tx, cancellationToken: cancellationToken));
            }
            catch (DbException e) when (r.PeerRequestId is not null && IsUniqueViolation(e))
            {
                throw new IblDuplicateRequestException($"requestingAgencyRequestId: {r.RequestingAgency} already sent a request with id '{r.PeerRequestId}'.", e);
            }
        }
        else
        {
            var expected = r.Version;
            r.Version = expected + 1;
            var p = Parameters(r);
            p.Add("expected", expected);
            var updated = await connection.ExecuteAsync(new CommandDefinition(UpdateRequest, p, tx, cancellationToken: cancellationToken));
            if (updated != 1)
            {
                r.Version = expected;
                throw new IblConcurrencyException($"Request {r.Id} changed since it was read (version {expected}).");
            }
        }
        foreach (var entry in c.Rota.Where(e => e.IsNew || e.Dirty))
        {
            await connection.ExecuteAsync(new CommandDefinition(entry.IsNew ? InsertRota : UpdateRota, Parameters(entry), tx, cancellationToken: cancellationToken));
        }
        foreach (var step in c.Steps.Where(s => s.IsNew || s.Dirty))
        {
            await connection.ExecuteAsync(new CommandDefinition(step.IsNew ? InsertStep : UpdateStep, Parameters(step), tx, cancellationToken: cancellationToken));
        }
        foreach (var line in c.NewHistory)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertHistory, new
            {
                requestId = line.RequestId, seq = line.Seq, at = line.At, fromState = line.FromState?.ToString(), toState = line.ToState.ToString(),
                what = line.What, actor = line.Actor, agency = line.Agency, note = line.Note,
            }, tx, cancellationToken: cancellationToken));
        }
        var claimedAt = IblClock.Format(DateTimeOffset.UtcNow);
        foreach (var entry in c.NewOutbox)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO ibl_outbox (id, request_id, kind, payload, created_at, claimed_at) VALUES (@id, @requestId, @kind, @payload, @createdAt, @claimedAt)",
                new { id = entry.Id, requestId = entry.RequestId, kind = entry.Message.GetType().Name, payload = IblOutboxJson.Write(entry.Message), createdAt = claimedAt, claimedAt },
                tx, cancellationToken: cancellationToken));
        }
        foreach (var message in c.NewIsoMessages)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO ibl_iso_messages (id, request_id, peer, kind, xml, created_at) VALUES (@Id, @RequestId, @Peer, @Kind, @Xml, @createdAt)",
                new { message.Id, message.RequestId, message.Peer, message.Kind, message.Xml, createdAt = r.UpdatedAt }, tx, cancellationToken: cancellationToken));
        }
        var last = await EventLogWriter.AppendAsync(connection, tx, c.NewEvents, null, recordedAt, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        foreach (var entry in c.Rota) entry.IsNew = entry.Dirty = false;
        foreach (var step in c.Steps) step.IsNew = step.Dirty = false;
        return last;
    }

    private static bool IsUniqueViolation(DbException e)
        => e is Npgsql.PostgresException { SqlState: "23505" } || (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 });

    private const string Columns = "state, origin, requesting_agency, member_id, patron_pseudonym, peer_request_id, suggested_suppliers, isbn, ppn, oclc_number, " +
        "title, author, pickup_location, current_position, lender_agency, lender_hold_id, holding_id, item_barcode, temp_item_id, due_at, renewals, reason, " +
        "attention, next_seq, messages_to_requester, created_at, created_by, updated_at, ended_at";

    private const string Values = "@state, @origin, @requestingAgency, @memberId, @patronPseudonym, @peerRequestId, @suggestedSuppliers, @isbn, @ppn, @oclcNumber, " +
        "@title, @author, @pickupLocation, @currentPosition, @lenderAgency, @lenderHoldId, @holdingId, @itemBarcode, @tempItemId, @dueAt, @renewals, @reason, " +
        "@attention, @nextSeq, @messagesToRequester, @createdAt, @createdBy, @updatedAt, @endedAt";

    private const string InsertRequest = "INSERT INTO ibl_requests (id, version, " + Columns + ") VALUES (@id, @version, " + Values + ")";

    private const string UpdateRequest = """
        UPDATE ibl_requests SET version = @version, state = @state, member_id = @memberId, patron_pseudonym = @patronPseudonym,
            title = @title, author = @author, current_position = @currentPosition, lender_agency = @lenderAgency, lender_hold_id = @lenderHoldId,
            holding_id = @holdingId, item_barcode = @itemBarcode, temp_item_id = @tempItemId, due_at = @dueAt, renewals = @renewals, reason = @reason,
            attention = @attention, next_seq = @nextSeq, messages_to_requester = @messagesToRequester, updated_at = @updatedAt, ended_at = @endedAt
        WHERE id = @id AND version = @expected
        """;

    private const string InsertRota = """
        INSERT INTO ibl_rota (request_id, position, agency, channel, installation_id, holding_id, barcode, local_record_id, location, status, reason,
            peer_request_id, reminded_at, updated_at)
        VALUES (@requestId, @position, @agency, @channel, @installationId, @holdingId, @barcode, @localRecordId, @location, @status, @reason,
            @peerRequestId, @remindedAt, @updatedAt)
        """;

    private const string UpdateRota = """
        UPDATE ibl_rota SET status = @status, reason = @reason, peer_request_id = @peerRequestId, reminded_at = @remindedAt, updated_at = @updatedAt
        WHERE request_id = @requestId AND position = @position
        """;

    private const string InsertStep = """
        INSERT INTO ibl_steps (step_id, request_id, seq, kind, party, agency, position, vendor_ref, status, message, raw_status, created_at, completed_at)
        VALUES (@stepId, @requestId, @seq, @kind, @party, @agency, @position, @vendorRef, @status, @message, @rawStatus, @createdAt, @completedAt)
        """;

    private const string UpdateStep = """
        UPDATE ibl_steps SET vendor_ref = @vendorRef, status = @status, message = @message, raw_status = @rawStatus, completed_at = @completedAt
        WHERE step_id = @stepId
        """;

    private const string InsertHistory = """
        INSERT INTO ibl_history (request_id, seq, at, from_state, to_state, what, actor, agency, note)
        VALUES (@requestId, @seq, @at, @fromState, @toState, @what, @actor, @agency, @note)
        """;

    private static DynamicParameters Parameters(IblRequest r)
    {
        var p = new DynamicParameters();
        p.Add("id", r.Id);
        p.Add("version", r.Version);
        p.Add("state", r.State.ToString());
        p.Add("origin", r.Origin.ToString());
        p.Add("requestingAgency", r.RequestingAgency);
        p.Add("memberId", r.MemberId);
        p.Add("patronPseudonym", r.PatronPseudonym);
        p.Add("peerRequestId", r.PeerRequestId);
        p.Add("suggestedSuppliers", r.SuggestedSuppliers);
        p.Add("isbn", r.Isbn);
        p.Add("ppn", r.Ppn);
        p.Add("oclcNumber", r.OclcNumber);
        p.Add("title", r.Title);
        p.Add("author", r.Author);
        p.Add("pickupLocation", r.PickupLocation);
        p.Add("currentPosition", r.CurrentPosition);
        p.Add("lenderAgency", r.LenderAgency);
        p.Add("lenderHoldId", r.LenderHoldId);
        p.Add("holdingId", r.HoldingId);
        p.Add("itemBarcode", r.ItemBarcode);
        p.Add("tempItemId", r.TempItemId);
        p.Add("dueAt", r.DueAt);
        p.Add("renewals", r.Renewals);
        p.Add("reason", r.Reason);
        p.Add("attention", r.Attention);
        p.Add("nextSeq", r.NextSeq);
        p.Add("messagesToRequester", r.MessagesToRequester);
        p.Add("createdAt", r.CreatedAt);
        p.Add("createdBy", r.CreatedBy);
        p.Add("updatedAt", r.UpdatedAt);
        p.Add("endedAt", r.EndedAt);
        return p;
    }

    private static object Parameters(RotaEntry e) => new
    {
        requestId = e.RequestId, position = e.Position, agency = e.Agency, channel = e.Channel.ToString(), installationId = e.InstallationId,
        holdingId = e.HoldingId, barcode = e.Barcode, localRecordId = e.LocalRecordId, location = e.Location, status = e.Status.ToString(),
        reason = e.Reason, peerRequestId = e.PeerRequestId, remindedAt = e.RemindedAt, updatedAt = e.UpdatedAt,
    };

    private static object Parameters(IblStep s) => new
    {
        stepId = s.StepId, requestId = s.RequestId, seq = s.Seq, kind = s.Kind.ToString(), party = s.Party.ToString(), agency = s.Agency,
        position = s.Position, vendorRef = s.VendorRef, status = s.Status.ToString(), message = s.Message, rawStatus = s.RawStatus,
        createdAt = s.CreatedAt, completedAt = s.CompletedAt,
    };
}

using System.Data.Common;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Storage;

namespace Lsb.Hub.CustomerView.Persons;

/// <summary>
/// Keeps <c>member_persons</c> in step with the members table: for memberships that arrived or changed, it loads
/// every membership they could match (same card number or national user id) and everything already linked to any of
/// them, groups them by <see cref="MatchRules"/> and gives each group one person id. A group keeps the person id most
/// of its memberships already had, so ids are stable; a group that splits keeps the id on its larger part. Removed and
/// erased memberships take no part: they keep the link they had (erasure deletes it).
/// </summary>
public static class PersonLinker
{

    /// <summary>Relinks around <paramref name="memberIds"/> inside the caller's transaction. Returns the persons an
    /// existing membership left or joined (merges and splits), whose effective consent may have changed.</summary>
    public static async Task<IReadOnlyCollection<string>> LinkAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyCollection<string> memberIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(memberIds);
        if (memberIds.Count == 0) return [];
        var members = new Dictionary<string, LinkCandidate>(StringComparer.Ordinal);
        await LoadMembersAsync(connection, transaction, dialect, "id", memberIds, members, cancellationToken);
        var cards = members.Values.Select(m => MatchRules.Clean(m.CardNumber)).OfType<string>()
            .Where(c => c.Length >= MatchRules.MinimumCardLength).ToHashSet(StringComparer.Ordinal);
        var nationals = members.Values.Select(m => MatchRules.Clean(m.NationalUserId)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (cards.Count > 0) await LoadMembersAsync(connection, transaction, dialect, "card_number", cards, members, cancellationToken);
        if (nationals.Count > 0) await LoadMembersAsync(connection, transaction, dialect, "national_user_id", nationals, members, cancellationToken);

        var links = await LoadLinksAsync(connection, transaction, dialect, "member_id", members.Keys, cancellationToken);
        var persons = links.Values.Select(l => l.PersonId).ToHashSet(StringComparer.Ordinal);
        if (persons.Count > 0)
        {
            foreach (var (memberId, link) in await LoadLinksAsync(connection, transaction, dialect, "person_id", persons, cancellationToken))
                links[memberId] = link;
            var missing = links.Keys.Where(id => !members.ContainsKey(id)).ToList();
            if (missing.Count > 0) await LoadMembersAsync(connection, transaction, dialect, "id", missing, members, cancellationToken);
        }

        var groups = PersonGroups.Of([.. members.Values]);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var movedFrom = new HashSet<string>(StringComparer.Ordinal);
        var stamp = now.ToUniversalTime().ToString("O");
        // One prepared statement for every link written (a page of new memberships writes hundreds).
        await using var upserts = new RowBatch(connection, transaction,
            "INSERT INTO member_persons (member_id, person_id, linked_by, linked_at) VALUES (@m, @p, @r, @t) " +
            "ON CONFLICT (member_id) DO UPDATE SET person_id = excluded.person_id, linked_by = excluded.linked_by, linked_at = excluded.linked_at",
            "m", "p", "r", "t");
        foreach (var group in groups.OrderByDescending(g => g.Members.Count).ThenBy(g => g.Members[0].MemberId, StringComparer.Ordinal))
        {
            var personId = group.Members
                .Select(m => links.TryGetValue(m.MemberId, out var l) ? l.PersonId : null).OfType<string>()
                .GroupBy(p => p, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).FirstOrDefault(p => !claimed.Contains(p))
                ?? PersonId.New().ToString();
            claimed.Add(personId);
            foreach (var member in group.Members)
            {
                var reason = group.Reasons[member.MemberId];
                if (links.TryGetValue(member.MemberId, out var old) && old.PersonId == personId && old.LinkedBy == reason) continue;
                if (old is not null && old.PersonId != personId)
                {
                    movedFrom.Add(old.PersonId);
                    movedFrom.Add(personId);
                }
                await upserts.AddAsync([member.MemberId, personId, reason, stamp], cancellationToken);
            }
        }
        await upserts.FlushAsync(cancellationToken);
        return movedFrom;
    }

    private static async Task LoadMembersAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string column,
        IReadOnlyCollection<string> values, Dictionary<string, LinkCandidate> into, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction,
            $"SELECT id, card_number, national_user_id, birth_date FROM members WHERE {dialect.InList(column, "@values")} AND removed = @notRemoved AND erased_at IS NULL",
            ("notRemoved", false));
        dialect.AddList(command, "@values", values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            into[id] = new LinkCandidate(id, SqlCommands.Text(reader, 1), SqlCommands.Text(reader, 2), SqlCommands.Text(reader, 3));
        }
    }

    private static async Task<Dictionary<string, PersonLink>> LoadLinksAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        string column, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        var links = new Dictionary<string, PersonLink>(StringComparer.Ordinal);
        await using var command = SqlCommands.Create(connection, transaction,
            $"SELECT mp.member_id, mp.person_id, mp.linked_by FROM member_persons mp JOIN members m ON m.id = mp.member_id " +
            $"WHERE {dialect.InList("mp." + column, "@values")} AND m.removed = @notRemoved AND m.erased_at IS NULL",
            ("notRemoved", false));
        dialect.AddList(command, "@values", values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            links[reader.GetString(0)] = new PersonLink(reader.GetString(1), reader.GetString(2));
        return links;
    }
}

using System.Data.Common;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Storage;

namespace Lsb.Hub.DigitalLoans;

/// <summary>
/// Finds the membership a new e-book loan event is about: a current (not removed, not erased) member of the event's
/// home library organisation with the event's national user id, or else with its card number. Never by name. With
/// several candidates the lowest member id wins, so the choice is stable.
/// </summary>
public static class MemberResolver
{
    /// <summary>Sets <see cref="IntakeEvent.MemberId"/> on the new events whose member is known.</summary>
    public static async Task ResolveAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        IReadOnlyList<IntakeEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var cards = events.Select(e => e.CardNumber).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var nationals = events.Select(e => e.NationalUserId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var byCard = await LoadAsync(connection, transaction, dialect, "card_number", cards, cancellationToken);
        var byNational = await LoadAsync(connection, transaction, dialect, "national_user_id", nationals, cancellationToken);
        foreach (var e in events)
        {
            var organisation = LibraryOrganisation.Of(e.HomeIsil);
            e.MemberId = Pick(byNational, e.NationalUserId, organisation) ?? Pick(byCard, e.CardNumber, organisation);
        }
    }

    private static string? Pick(Dictionary<string, List<(string Id, string Organisation)>> index, string? key, string organisation)
        => key is not null && index.TryGetValue(key, out var candidates)
            ? candidates.Where(c => c.Organisation == organisation).Select(c => c.Id).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;

    private static async Task<Dictionary<string, List<(string Id, string Organisation)>>> LoadAsync(DbConnection connection, DbTransaction transaction,
        SqlDialect dialect, string column, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        if (values.Count == 0) return index;
        await using var command = SqlCommands.Create(connection, transaction,
            $"SELECT {column}, id, home_isil FROM members WHERE {dialect.InList(column, "@values")} AND removed = @notRemoved AND erased_at IS NULL",
            ("notRemoved", false));
        dialect.AddList(command, "@values", values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add((reader.GetString(1), LibraryOrganisation.Of(reader.GetString(2))));
        }
        return index;
    }
}

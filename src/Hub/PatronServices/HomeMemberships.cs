using Dapper;
using Lsb.Hub.Storage;

namespace Lsb.Hub.PatronServices;

/// <summary>Finds where a card number is at home: the current (not removed, not erased) memberships with that card, from
/// the canonical members and the id map. A card number is unique within an installation, not across them.</summary>
public sealed class HomeMemberships(HubDatabase database)
{
    /// <summary>The memberships with <paramref name="cardNumber"/>, one per installation at most in practice.</summary>
    public async Task<IReadOnlyList<HomeMembership>> FindAsync(string cardNumber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HomeMembership>(new CommandDefinition(
            "SELECT m.id AS MemberId, m.home_isil AS HomeIsil, m.installation_id AS InstallationId, im.local_id AS LocalId FROM members m " +
            "LEFT JOIN id_map im ON im.canonical_id = m.id AND im.entity = 'member' " +
            "WHERE m.card_number = @card AND NOT m.removed AND m.erased_at IS NULL AND m.installation_id IS NOT NULL ORDER BY m.id",
            new { card = cardNumber.Trim() }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}

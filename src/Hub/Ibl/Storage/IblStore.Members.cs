using Dapper;

namespace Lsb.Hub.Ibl.Storage;

/// <summary>The members the API places requests for (the hub's members table, as ingest keeps it).</summary>
public sealed partial class IblStore
{
    /// <summary>A member by canonical id or by card number (preferring one of <paramref name="library"/>), or null.</summary>
    public async Task<IblMember?> MemberAsync(string? memberId, string? cardNumber, string library, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = memberId is not null
            ? await connection.QueryAsync<IblMember>(new CommandDefinition(
                "SELECT id, home_isil, installation_id, removed, status FROM members WHERE id = @memberId", new { memberId }, cancellationToken: cancellationToken))
            : await connection.QueryAsync<IblMember>(new CommandDefinition(
                "SELECT id, home_isil, installation_id, removed, status FROM members WHERE card_number = @cardNumber", new { cardNumber }, cancellationToken: cancellationToken));
        var list = rows.ToList();
        return list.FirstOrDefault(m => Model.IblLibraries.SameLibrary(m.HomeIsil, library)) ?? list.FirstOrDefault();
    }
}

/// <summary>What IBL needs of a member.</summary>
public sealed class IblMember
{
    public string Id { get; set; } = "";
    public string HomeIsil { get; set; } = "";
    public string? InstallationId { get; set; }
    public bool Removed { get; set; }
    public string Status { get; set; } = "";
}

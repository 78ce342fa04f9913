using System.Data.Common;

namespace Lsb.Hub.CustomerView.Persons;

/// <summary>Reads which memberships make up a person.</summary>
public static class PersonMemberships
{
    /// <summary>The member ids linked to <paramref name="personId"/>.</summary>
    public static async Task<List<string>> OfPersonAsync(DbConnection connection, DbTransaction? transaction, string personId, CancellationToken cancellationToken)
    {
        var members = new List<string>();
        await using var command = SqlCommands.Create(connection, transaction,
            "SELECT member_id FROM member_persons WHERE person_id = @p ORDER BY member_id", ("p", personId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) members.Add(reader.GetString(0));
        return members;
    }

    /// <summary>The person of <paramref name="memberId"/>, or null when it is not linked (yet).</summary>
    public static async Task<string?> PersonOfAsync(DbConnection connection, DbTransaction? transaction, string memberId, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction,
            "SELECT person_id FROM member_persons WHERE member_id = @m", ("m", memberId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}

using System.Data.Common;

namespace Lsb.Hub.CustomerView;

/// <summary>Finds a membership and its person.</summary>
public static class CustomerLookup
{
    /// <summary>The membership <paramref name="memberId"/>, or null when the hub does not know it.</summary>
    public static async Task<Customer?> FindAsync(DbConnection connection, DbTransaction? transaction, string memberId, CancellationToken cancellationToken)
    {
        await using var command = SqlCommands.Create(connection, transaction,
            "SELECT m.id, m.home_isil, m.installation_id, m.removed, m.erased_at, mp.person_id FROM members m " +
            "LEFT JOIN member_persons mp ON mp.member_id = m.id WHERE m.id = @id", ("id", memberId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new Customer(reader.GetString(0), reader.GetString(1), SqlCommands.Text(reader, 2), SqlCommands.Bool(reader, 3),
            !reader.IsDBNull(4), SqlCommands.Text(reader, 5));
    }
}

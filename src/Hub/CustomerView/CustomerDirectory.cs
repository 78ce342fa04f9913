using Lsb.Hub.Storage;

namespace Lsb.Hub.CustomerView;

/// <summary>Looks memberships up for the customer endpoints, each on a connection of its own.</summary>
public sealed class CustomerDirectory(HubDatabase database)
{
    /// <summary>The membership, or null when unknown.</summary>
    public async Task<Customer?> FindAsync(string memberId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await CustomerLookup.FindAsync(connection, null, memberId, cancellationToken);
    }
}

namespace Lsb.Hub.Tests.CustomerView.Support;

/// <summary>
/// The customer-view test classes that run on PostgreSQL run one after another: each starts whole hubs (state pool,
/// Wolverine's pools), and side by side they would take a large share of the server's connections, which the rest of
/// the suite — and other worktrees' suites on this machine — need too.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCustomerViewCollection
{
    public const string Name = "PostgreSQL customer view";
}

namespace Lsb.Hub.Tests.Consolidation.Support;

/// <summary>Runs the PostgreSQL consolidation tests one after the other (each starts a hub, two nodes with RabbitMQ).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresConsolidationCollection
{
    public const string Name = "PostgreSQL consolidation";
}

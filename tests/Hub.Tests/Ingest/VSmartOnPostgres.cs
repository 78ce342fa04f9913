namespace Lsb.Hub.Tests.Ingest;

/// <summary>The test collection of the V-smart classes that run a hub on PostgreSQL: they share the installation id
/// <c>sandbox-vsmart</c>, and the poller's lease on it is a database-wide advisory lock.</summary>
public static class VSmartOnPostgres
{
    public const string Name = "V-smart hubs on PostgreSQL";
}

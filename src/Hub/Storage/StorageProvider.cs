namespace Lsb.Hub.Storage;

/// <summary>Which database holds the hub's state and Wolverine's message store.</summary>
public enum StorageProvider
{
    /// <summary>Embedded default: SQLite files in <see cref="StorageOptions.DataDirectory"/>. No server to install.</summary>
    Sqlite,
    /// <summary>Scale-out: PostgreSQL (<see cref="StorageOptions.ConnectionString"/>).</summary>
    Postgres,
}

using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Storage;

/// <summary>
/// Configuration section <c>Storage</c>. One setting, <see cref="Provider"/>, switches both the hub's state and
/// Wolverine's message store (queues, scheduled messages, failed messages) between SQLite and PostgreSQL.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>SQLite (default) or Postgres.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite: the folder for <c>hub.db</c> (state) and <c>messages.db</c> (bus). Created if missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Postgres: an Npgsql connection string, e.g. <c>Host=127.0.0.1;Username=lsb;Password=…;Database=lsb</c>.
    /// Comes from configuration or the environment (<c>Storage__ConnectionString</c>), never from the repository.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Postgres: the schema of the hub's tables; Wolverine's tables go in <c>{Schema}_bus</c>.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,40}$", ErrorMessage = "Storage:Schema must be a lower-case SQL identifier (letters, digits, underscores; at most 41 characters).")]
    public string Schema { get; set; } = "lsb";

    /// <summary>SQLite: how often a background thread checkpoints the write-ahead log into <c>hub.db</c>
    /// (<see cref="SqliteCheckpointer"/>); zero turns it off and leaves checkpointing to the commits.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Storage:SqliteCheckpointInterval must be between 00:00:00 (off) and 00:10:00.")]
    public TimeSpan SqliteCheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>SQLite: the write-ahead log size (pages of 4 KiB) at which a commit checkpoints by itself
    /// (<c>PRAGMA wal_autocheckpoint</c>). A backstop: the background checkpointer normally keeps the log far smaller.</summary>
    [Range(100, 1_000_000, ErrorMessage = "Storage:SqliteAutoCheckpointPages must be between 100 and 1,000,000 pages.")]
    public int SqliteAutoCheckpointPages { get; set; } = 25_000;

    /// <summary>The Wolverine message-store schema (Postgres) derived from <see cref="Schema"/>.</summary>
    public string BusSchema => Schema + "_bus";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:Provider is Postgres but Storage:ConnectionString is empty: set it (e.g. environment variable Storage__ConnectionString).",
                [nameof(ConnectionString)]);
        }
        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(DataDirectory))
            yield return new ValidationResult("Storage:DataDirectory is empty: name a folder for the SQLite files.", [nameof(DataDirectory)]);
    }
}

using System.ComponentModel.DataAnnotations;

namespace Lsb.Hub.Ingest;

/// <summary>Configuration section <c>Ingest</c>: how the hub polls installations.</summary>
public sealed class IngestOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Ingest";

    /// <summary>Whether this node polls installations at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Changes per page (one page is one message and one transaction).</summary>
    [Range(1, 5000, ErrorMessage = "Ingest:PageSize must be between 1 and 5000.")]
    public int PageSize { get; set; } = 500;

    /// <summary>Pause between polls when an installation has nothing new.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Ingest:PollInterval must be between 50 ms and 1 hour.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause after a failed poll; doubles per consecutive failure up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Ingest:FailureBackoff must be between 50 ms and 1 hour.")]
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest pause after failures.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00", ErrorMessage = "Ingest:MaxBackoff must be between 1 second and 6 hours.")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Pages of one installation read (inline) or sent to the bus but not yet applied before its poller waits.</summary>
    [Range(1, 1000, ErrorMessage = "Ingest:MaxPagesInFlight must be between 1 and 1000.")]
    public int MaxPagesInFlight { get; set; } = 16;

    /// <summary>With local queues (the embedded default): apply each page in the process that read it, in one
    /// transaction with its cursor, instead of sending it through the bus's durable inbox (docs/ingest.md). A page that
    /// fails there goes on the bus after all. With a broker, pages always go on the bus, so that every node shares them.</summary>
    public bool ApplyInline { get; set; } = true;

    /// <summary>Members, copies and loans (each) whose id-map entry and row the ingest keeps in memory between pages, so the
    /// next page that touches them need not read them again (SQLite only; dropped whenever another connection commits;
    /// docs/ingest.md). 0 turns it off. Up to twice this many of each are held.</summary>
    [Range(0, 10_000_000, ErrorMessage = "Ingest:RowCacheSize must be between 0 (off) and 10,000,000.")]
    public int RowCacheSize { get; set; } = 20_000;

    /// <summary>How often the list of installations is re-read (registrations on other nodes).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Ingest:RegistryRefresh must be between 100 ms and 1 hour.")]
    public TimeSpan RegistryRefresh { get; set; } = TimeSpan.FromSeconds(10);
}

namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>Why a batch was cut.</summary>
public enum BatchKind
{
    /// <summary>The daily cut of the day's changes.</summary>
    Daily,
    /// <summary>Cut by a schedule shorter than a day (the sandbox).</summary>
    Scheduled,
    /// <summary>Cut on request (<c>POST …/batches</c>).</summary>
    Manual,
    /// <summary>The repairs a reconciliation found.</summary>
    Repair,
    /// <summary>A full resync of the library.</summary>
    Resync,
    /// <summary>One rejected record sent again when its failed message was replayed.</summary>
    Replay,
}

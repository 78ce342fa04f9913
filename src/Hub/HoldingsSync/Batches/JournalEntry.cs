namespace Lsb.Hub.HoldingsSync.Batches;

/// <summary>A copy the next batch of a library must look at.</summary>
public sealed class JournalEntry
{
    public string HoldingId { get; set; } = "";
    public long Position { get; set; }
    public bool Forced { get; set; }
}

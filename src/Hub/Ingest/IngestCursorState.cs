namespace Lsb.Hub.Ingest;

/// <summary>How polling of one installation stands (the <c>ingest_cursors</c> row).</summary>
public sealed class IngestCursorState
{
    public string InstallationId { get; set; } = "";
    public string? Cursor { get; set; }
    public string? LastPollAt { get; set; }
    public string? LastSuccessAt { get; set; }
    public string? LastChangeAt { get; set; }
    public string? LastError { get; set; }
    public string? LastErrorAt { get; set; }
    public int ConsecutiveFailures { get; set; }
    public long ChangesRead { get; set; }
    public long PagesRead { get; set; }
}

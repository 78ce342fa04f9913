namespace Lsb.Hub.Adapters.Brocade.Snapshots;

/// <summary>The data file does not match its completion marker (cut off, changed after the marker, or not the format it
/// should be). Nothing from it is used.</summary>
internal sealed class ExportDamagedException : Exception
{
    public ExportDamagedException() { }

    public ExportDamagedException(string message) : base(message) { }

    public ExportDamagedException(string message, Exception innerException) : base(message, innerException) { }
}

namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>How an export's files are written: safely, or broken on purpose to exercise the reader.</summary>
public enum ExportWriteMode
{
    /// <summary>Written to <c>.tmp</c>, renamed, then the completion marker (<c>.gereed</c>) is written last.</summary>
    Safe,
    /// <summary>Half of each data file under its final name and no marker, as while the export is still running;
    /// <see cref="BrocadeSimulatorControl.CompletePendingExports"/> finishes them.</summary>
    HalfWritten,
    /// <summary>The marker describes the whole file but the data file is cut off in the middle (a copy that broke off).</summary>
    Truncated,
    /// <summary>Written safely, then delivered a second time under another name (same marker content).</summary>
    DeliveredTwice,
}

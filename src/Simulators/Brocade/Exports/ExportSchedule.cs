using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>The export schedule of a Brocade installation: deltas and "nightly" full exports at the configured
/// intervals of the simulator's clock, checked after every tick of the background activity.</summary>
internal static class ExportSchedule
{
    public static Action<DateTimeOffset> For(ExportWriter exports, BrocadeSimulatorOptions options)
    {
        var start = options.Time.GetUtcNow();
        var nextDelta = options.DeltaExportInterval is { } d ? start + d : DateTimeOffset.MaxValue;
        var nextFull = options.FullExportInterval is { } f ? start + f : DateTimeOffset.MaxValue;
        return now =>
        {
            if (now >= nextFull)
            {
                exports.Write(ExportKind.Full, ExportWriteMode.Safe);
                nextFull = now + options.FullExportInterval!.Value;
            }
            if (now >= nextDelta)
            {
                exports.Write(ExportKind.Delta, ExportWriteMode.Safe);
                nextDelta = now + options.DeltaExportInterval!.Value;
            }
        };
    }
}

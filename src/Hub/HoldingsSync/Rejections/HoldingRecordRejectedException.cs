namespace Lsb.Hub.HoldingsSync.Rejections;

/// <summary>
/// Thrown on purpose to put a rejected catalogue record in the failed-message store. The message names the catalogue,
/// the library, the copy and the reason, and says how to fix and replay.
/// </summary>
public sealed class HoldingRecordRejectedException : Exception
{
    /// <summary>Creates the exception for a rejection.</summary>
    public HoldingRecordRejectedException(HoldingRecordRejected rejection)
        : base(Describe(rejection ?? throw new ArgumentNullException(nameof(rejection)))) { }

    /// <summary>Creates the exception.</summary>
    public HoldingRecordRejectedException() : base("A catalogue rejected a holdings record.") { }

    /// <summary>Creates the exception.</summary>
    public HoldingRecordRejectedException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public HoldingRecordRejectedException(string message, Exception innerException) : base(message, innerException) { }

    private static string Describe(HoldingRecordRejected r)
        => $"{(r.Target == SyncTargetKind.Ggc ? "GGC" : r.Target.ToString())} rejected copy {r.HoldingId}{(r.Barcode is null ? "" : $" (barcode {r.Barcode})")} of library {r.Isil} " +
           $"in batch {r.BatchId}: {r.Reason}. Fix the copy in the library system, or the mapping or configuration the reason names, " +
           "then replay this failed message: the replay sends the copy's current state once, or nothing if a later batch already did.";
}

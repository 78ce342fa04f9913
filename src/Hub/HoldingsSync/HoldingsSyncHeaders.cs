namespace Lsb.Hub.HoldingsSync;

/// <summary>Envelope headers holdings-sync messages carry into the failed-message store.</summary>
public static class HoldingsSyncHeaders
{
    /// <summary>The ISIL of the library the message concerns (the same header name the failed-message feature filters on).</summary>
    public const string Library = "lsb-isil";

    /// <summary>The queue holdings-sync messages run on, one at a time per node.</summary>
    public const string Queue = "holdings-sync";
}

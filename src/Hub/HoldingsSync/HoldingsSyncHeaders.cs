namespace Lsb.Hub.HoldingsSync;

/// <summary>Envelope headers holdings-sync messages carry into the failed-message store.</summary>
public static class HoldingsSyncHeaders
{
    /// <summary>The ISIL of the library the message concerns: the failed-message store's library header, so an administrator
    /// finds a library's rejected records with <c>GET /api/v1/admin/failed-messages?library={isil}</c>.</summary>
    public const string Library = FailedMessages.Stamping.FailedMessageHeaders.Library;

    /// <summary>The queue holdings-sync messages run on, one at a time per node: a durable local queue, or the suffix of the
    /// broker queue <c>{Bus:QueuePrefix}-holdings-sync</c>.</summary>
    public const string Queue = "holdings-sync";
}

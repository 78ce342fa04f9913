namespace Lsb.Hub.HoldingsSync.Delivery;

/// <summary>
/// Deliver a library's batches up to and including <paramref name="BatchId"/>, oldest first. Handling it twice is
/// harmless: delivered batches are skipped and acknowledged records are never sent again.
/// </summary>
/// <param name="Isil">The library.</param>
/// <param name="BatchId">The newest batch to deliver.</param>
public sealed record DeliverHoldingsBatch(string Isil, string BatchId);

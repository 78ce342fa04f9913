namespace Lsb.Hub.Dwh;

/// <summary>A batch of DWH events published to the broker exchange <c>{Bus:QueuePrefix}-dwh</c>. Delivery is at least
/// once: after a crash a batch may come again, so consumers keep the highest position they stored and skip below it.</summary>
/// <param name="Events">The events, in position order.</param>
public sealed record DwhEventBatch(IReadOnlyList<DwhEvent> Events);

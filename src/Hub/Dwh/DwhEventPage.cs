namespace Lsb.Hub.Dwh;

/// <summary>A page of the DWH feed.</summary>
/// <param name="Events">The events, oldest first.</param>
/// <param name="Next">Pass as <c>after</c> to read on.</param>
/// <param name="Head">The newest position when read.</param>
public sealed record DwhEventPage(IReadOnlyList<DwhEvent> Events, long Next, long Head);

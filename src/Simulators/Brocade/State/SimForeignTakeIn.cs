namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>A copy of another library system taken in at a desk (a line of the <c>INNAMES_VREEMD</c> log); never changes.</summary>
internal sealed record SimForeignTakeIn(long Number, string Library, string Branch, string Barcode, DateTimeOffset TakenInAt, long Version);

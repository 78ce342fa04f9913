namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>A title (titelbeschrijving).</summary>
internal sealed record SimTitle(string Number, string Title, string? Author, string? Isbn, string? Ppn, string Material, string Location, string Shelfmark);

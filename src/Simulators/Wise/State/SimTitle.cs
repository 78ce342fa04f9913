namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>A title (bibliographic record) in the simulated catalogue.</summary>
internal sealed record SimTitle(string TitleNumber, string Title, string? Author, string? Isbn, string? Ppn, string MaterialType,
    string Location, string Shelfmark);

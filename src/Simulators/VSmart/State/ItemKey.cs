namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>How an NCIP message names a copy: by V-smart item id or by barcode.</summary>
internal sealed record ItemKey(string? ItemId, string? Barcode);

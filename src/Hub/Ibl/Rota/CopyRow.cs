namespace Lsb.Hub.Ibl.Rota;

/// <summary>A copy of the union holdings index that could be lent, with where it lives.</summary>
internal sealed class CopyRow
{
    public string Id { get; set; } = "";
    public string Isil { get; set; } = "";
    public string? InstallationId { get; set; }
    public string? OwningPoi { get; set; }
    public string? Barcode { get; set; }
    public string? LocalRecordId { get; set; }
    public string? Location { get; set; }
    public string Title { get; set; } = "";
    public string? Author { get; set; }
}

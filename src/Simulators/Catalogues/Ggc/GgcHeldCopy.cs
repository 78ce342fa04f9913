namespace Lsb.Hub.Simulators.Catalogues.Ggc;

/// <summary>A copy GGC holds for a library, as read from the holdings record it was sent as.</summary>
/// <param name="RecordId">001 of the holdings record (the sender's copy id).</param>
/// <param name="Isil">852 $a: the library.</param>
/// <param name="Barcode">876 $p.</param>
/// <param name="BibliographicReference">004: the title it is attached to.</param>
/// <param name="Location">852 $b.</param>
/// <param name="Shelfmark">852 $h.</param>
/// <param name="LastFile">The file that last changed it (null for planted copies).</param>
public sealed record GgcHeldCopy(string RecordId, string Isil, string? Barcode, string? BibliographicReference, string? Location,
    string? Shelfmark, string? LastFile);

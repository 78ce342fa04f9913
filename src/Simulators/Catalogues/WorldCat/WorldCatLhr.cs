namespace Lsb.Hub.Simulators.Catalogues.WorldCat;

/// <summary>A local holdings record WorldCat holds, as the control API shows it.</summary>
/// <param name="ControlNumber">001: the LHR's control number.</param>
/// <param name="OclcNumber">004: the bibliographic record it belongs to.</param>
/// <param name="Symbol">852 $a: the institution symbol.</param>
/// <param name="HoldingLibrary">852 $b: the holding library (the hub sends the branch ISIL).</param>
/// <param name="ShelvingLocation">852 $c.</param>
/// <param name="CallNumber">852 $h.</param>
/// <param name="Barcode">876 $p.</param>
/// <param name="Created">When it was created.</param>
/// <param name="Updated">When it was last replaced.</param>
public sealed record WorldCatLhr(string ControlNumber, string? OclcNumber, string? Symbol, string? HoldingLibrary, string? ShelvingLocation,
    string? CallNumber, string? Barcode, DateTimeOffset Created, DateTimeOffset Updated);

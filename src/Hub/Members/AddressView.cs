namespace Lsb.Hub.Members;

/// <summary>A postal address.</summary>
public sealed record AddressView(string? Street, string? HouseNumber, string? Postcode, string? City);

namespace Lsb.Hub.Installations;

/// <summary>How a registration went.</summary>
/// <param name="Created">True when stored.</param>
/// <param name="Conflict">When not stored: why (id taken, ISIL registered to another installation).</param>
public sealed record RegistrationOutcome(bool Created, string? Conflict);

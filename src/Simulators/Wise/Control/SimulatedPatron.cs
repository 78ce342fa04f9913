namespace Lsb.Hub.Simulators.Wise;

/// <summary>A patron as the control API shows it, with the PIN tests need to authenticate.</summary>
/// <param name="PatronSystemId">The Wise patron id.</param>
/// <param name="LibraryId">The library organisation.</param>
/// <param name="BranchId">Home branch.</param>
/// <param name="CardNumber">Card number (pasnummer).</param>
/// <param name="Pin">PIN.</param>
/// <param name="Name">Full name.</param>
/// <param name="Category">Category code.</param>
/// <param name="Status">Status code.</param>
public sealed record SimulatedPatron(string PatronSystemId, string LibraryId, string BranchId, string CardNumber, string Pin,
    string Name, string Category, string Status);

namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>Counts of the simulated installation.</summary>
/// <param name="Members">Members registered.</param>
/// <param name="Copies">Copies in the collection (not withdrawn).</param>
/// <param name="OpenLoans">Loans not yet returned.</param>
/// <param name="Exports">Export runs written.</param>
/// <param name="SipMessages">SIP2 requests answered.</param>
public sealed record SimulatorStatistics(int Members, int Copies, int OpenLoans, int Exports, long SipMessages);

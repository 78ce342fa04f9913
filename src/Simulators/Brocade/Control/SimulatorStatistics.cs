namespace Lsb.Hub.Simulators.Brocade.Control;

/// <summary>Counts of the simulated installation.</summary>
/// <param name="Members">Members registered.</param>
/// <param name="Copies">Copies in the collection (not withdrawn).</param>
/// <param name="OpenLoans">Loans not yet returned.</param>
/// <param name="Exports">Export runs written.</param>
/// <param name="SipMessages">SIP2 requests answered.</param>
/// <param name="SipConnections">SIP2 connections accepted (a pooling client opens few and reuses them).</param>
/// <param name="SipLogins">SIP2 logins (93) accepted.</param>
public sealed record SimulatorStatistics(int Members, int Copies, int OpenLoans, int Exports, long SipMessages, long SipConnections, long SipLogins);

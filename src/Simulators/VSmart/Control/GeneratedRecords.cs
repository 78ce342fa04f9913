namespace Lsb.Hub.Simulators.VSmart;

/// <summary>What a bulk cataloguing run produced.</summary>
/// <param name="Records">New bibliographic records (each is one OAI-PMH record).</param>
/// <param name="Copies">Copies embedded in them (each becomes one canonical holding).</param>
public sealed record GeneratedRecords(int Records, int Copies);

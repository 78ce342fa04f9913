using Lsb.Hub.Adapters.Contract;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>The adapter contract, run against the Brocade simulator: SIP2 over real TCP, changes through its export folder.</summary>
public sealed class BrocadeAdapterContract(BrocadeSimulatorFixture fixture) : IlsAdapterContract<BrocadeSimulatorFixture>(fixture);

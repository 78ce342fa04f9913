using Lsb.Hub.Adapters.Contract;

namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>The adapter contract, run against the Wise simulator over HTTP.</summary>
public sealed class WiseAdapterContract(WiseSimulatorFixture fixture) : IlsAdapterContract<WiseSimulatorFixture>(fixture);

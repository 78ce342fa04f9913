using Lsb.Hub.Adapters.Contract;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>The adapter contract, run against the V-smart simulator over HTTP.</summary>
public sealed class VSmartAdapterContract(VSmartSimulatorFixture fixture) : IlsAdapterContract<VSmartSimulatorFixture>(fixture);

using Lsb.Hub.Adapters.Contract;

namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>The fault contract, run against a WireMock.Net stub of Wise.</summary>
public sealed class WiseAdapterFaultContract(WiseFaultFixture fixture) : IlsAdapterFaultContract<WiseFaultFixture>(fixture);

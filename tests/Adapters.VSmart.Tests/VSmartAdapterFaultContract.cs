using Lsb.Hub.Adapters.Contract;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>The fault contract, run against a WireMock.Net stub of V-smart.</summary>
public sealed class VSmartAdapterFaultContract(VSmartFaultFixture fixture) : IlsAdapterFaultContract<VSmartFaultFixture>(fixture);

using Lsb.Hub.Adapters.Contract;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>The fault contract, run against the Brocade simulator with injected faults (export folder gone, hung share,
/// cut-off file, wrong export key; SIP2 connections refused, hanging, logins refused).</summary>
public sealed class BrocadeAdapterFaultContract(BrocadeFaultFixture fixture) : IlsAdapterFaultContract<BrocadeFaultFixture>(fixture);

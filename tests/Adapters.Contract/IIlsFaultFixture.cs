namespace Lsb.Hub.Adapters.Contract;

/// <summary>
/// What <see cref="IlsAdapterFaultContract{TFixture}"/> needs: a stub of an installation (WireMock.Net or similar)
/// that can be switched between behaviours, and adapters configured with short timeouts, few retries and a circuit
/// that opens after a handful of failures.
/// </summary>
public interface IIlsFaultFixture
{
    /// <summary>A new adapter against the stub (fresh circuit).</summary>
    IIlsAdapter CreateAdapter();

    /// <summary>Switches the stub's behaviour for every following call.</summary>
    void Behave(InstallationBehaviour behaviour);

    /// <summary>How many changes a full read gives under <see cref="InstallationBehaviour.Normal"/> (at least 3).</summary>
    int NormalChangeCount { get; }
}

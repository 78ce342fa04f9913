namespace Lsb.Hub.Adapters;

/// <summary>The result of a health check of an installation.</summary>
/// <param name="Healthy">True when the installation answered and accepted the credentials.</param>
/// <param name="Description">What was checked and what went wrong, for an administrator.</param>
/// <param name="Latency">How long the check took.</param>
/// <param name="CircuitState">The state of the adapter's circuit breaker: Closed, Open or HalfOpen.</param>
public sealed record AdapterHealth(bool Healthy, string Description, TimeSpan Latency, string CircuitState);

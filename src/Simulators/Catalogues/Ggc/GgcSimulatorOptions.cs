namespace Lsb.Hub.Simulators.Catalogues.Ggc;

/// <summary>How to start a <see cref="GgcSimulator"/>.</summary>
public sealed record GgcSimulatorOptions
{
    /// <summary>Where Kestrel listens; port 0 picks a free port (see <see cref="GgcSimulatorHost.BaseAddress"/>).</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>The delivery account (HTTP Basic user name) the hub uploads with.</summary>
    public string UserName { get; init; } = "lsb-hub";

    /// <summary>The delivery account's password: a published test value, never a real secret.</summary>
    public string Password { get; init; } = "ggc-sandbox-password-not-a-secret";

    /// <summary>The clock that stamps import reports (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

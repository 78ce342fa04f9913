namespace Lsb.Hub.Simulators.Wise;

/// <summary>How to start a <see cref="WiseSimulator"/>. The same options and seed give the same data.</summary>
public sealed record WiseSimulatorOptions
{
    /// <summary>Where Kestrel listens; port 0 picks a free port (see <see cref="WiseSimulatorHost.BaseAddress"/>).</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>The seed of the generated data.</summary>
    public int Seed { get; init; } = 1848;

    /// <summary>The Wise systems served; by default <see cref="WiseDefaultTopology.Installation"/>.</summary>
    public IReadOnlyList<WiseInstallationSpec> Installations { get; init; } = [WiseDefaultTopology.Installation];

    /// <summary>Patrons generated per library organisation at start.</summary>
    public int PatronsPerLibrary { get; init; } = 200;

    /// <summary>Copies generated per library organisation at start.</summary>
    public int ItemsPerLibrary { get; init; } = 600;

    /// <summary>Open loans generated per library organisation at start.</summary>
    public int LoansPerLibrary { get; init; } = 150;

    /// <summary>The moment the seeded data is dated before; fixed by default so a seed always gives the same data.</summary>
    public DateTimeOffset SeedTime { get; init; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Changes per second produced in the background (0: off). The sandbox turns it on.</summary>
    public double BackgroundChangesPerSecond { get; init; }

    /// <summary>The largest page a feed or delta endpoint serves.</summary>
    public int MaxPageSize { get; init; } = 1000;

    /// <summary>Decides whether a presented WISE_KEY is valid; see <see cref="DailyHmacWiseKeyValidator"/>.</summary>
    public IWiseKeyValidator KeyValidator { get; init; } = new DailyHmacWiseKeyValidator();

    /// <summary>The clock (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

namespace Lsb.Hub.Simulators.VSmart;

/// <summary>How to start a <see cref="VSmartSimulator"/>. The same options and seed give the same data.</summary>
public sealed record VSmartSimulatorOptions
{
    /// <summary>Where Kestrel listens; port 0 picks a free port (see <see cref="VSmartSimulatorHost.BaseAddress"/>).</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>The seed of the generated data.</summary>
    public int Seed { get; init; } = 1852;

    /// <summary>The V-smart installations served; by default <see cref="VSmartDefaultTopology.Installation"/>.</summary>
    public IReadOnlyList<VSmartInstallationSpec> Installations { get; init; } = [VSmartDefaultTopology.Installation];

    /// <summary>Borrowers generated per library at start.</summary>
    public int BorrowersPerLibrary { get; init; } = 150;

    /// <summary>Copies generated per library at start (about a third share a title with another copy).</summary>
    public int CopiesPerLibrary { get; init; } = 400;

    /// <summary>Open loans generated per library at start.</summary>
    public int LoansPerLibrary { get; init; } = 100;

    /// <summary>The moment the seeded data is dated before; fixed by default so a seed always gives the same data.</summary>
    public DateTimeOffset SeedTime { get; init; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Changes per second produced in the background (0: off). The sandbox turns it on.</summary>
    public double BackgroundChangesPerSecond { get; init; }

    /// <summary>Records per <c>ListRecords</c> page (ListIdentifiers pages are five times larger).</summary>
    public int OaiPageSize { get; init; } = 200;

    /// <summary>How long a resumption token stays valid (<c>expirationDate</c>); SURF recommends at least 24 hours.</summary>
    public TimeSpan ResumptionTokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The largest page the borrower and loan change feeds serve.</summary>
    public int MaxFeedPageSize { get; init; } = 1000;

    /// <summary>Validate every incoming NCIP message against the NCIP 2.02 schema and answer an invalid one with an
    /// "Invalid Message Syntax Error" problem, as a strict server would.</summary>
    public bool ValidateNcipMessages { get; init; } = true;

    /// <summary>The clock (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

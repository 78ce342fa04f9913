using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Simulators.Brocade;

/// <summary>How to start a <see cref="BrocadeSimulator"/>. The same options and seed give the same data.</summary>
public sealed record BrocadeSimulatorOptions
{
    /// <summary>The address the SIP2 server listens on.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The SIP2 port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Where exports are written; null: a new folder under the system's temporary folder.</summary>
    public string? ExportFolder { get; init; }

    /// <summary>The installation served.</summary>
    public BrocadeInstallationSpec Installation { get; init; } = BrocadeDefaultTopology.Installation;

    /// <summary>The seed of the generated data.</summary>
    public int Seed { get; init; } = 1853;

    /// <summary>Members generated per library at start.</summary>
    public int MembersPerLibrary { get; init; } = 150;

    /// <summary>Copies generated per library at start.</summary>
    public int CopiesPerLibrary { get; init; } = 400;

    /// <summary>Open loans generated per library at start.</summary>
    public int LoansPerLibrary { get; init; } = 100;

    /// <summary>The moment the seeded data is dated before; fixed so a seed always gives the same data.</summary>
    public DateTimeOffset SeedTime { get; init; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Write a delta export after every change (tests: every change shows up at once); off by default.</summary>
    public bool ExportAfterEveryChange { get; init; }

    /// <summary>Interval of the scheduled delta exports; null: none.</summary>
    public TimeSpan? DeltaExportInterval { get; init; }

    /// <summary>Interval of the scheduled full exports ("nightly"); null: none.</summary>
    public TimeSpan? FullExportInterval { get; init; }

    /// <summary>The character set of the holdings (MARC) exports.</summary>
    public MarcCharacterSetChoice HoldingsCharacterSet { get; init; } = MarcCharacterSetChoice.Utf8;

    /// <summary>Write the loans CSV in UTF-8 with a byte order mark (a newer Brocade export module) instead of Windows-1252.</summary>
    public bool LoansInUtf8WithBom { get; init; } = true;

    /// <summary>The key the completion markers are signed with (HMAC-SHA256); null: unsigned markers.</summary>
    public string? ExportKey { get; init; }

    /// <summary>Changes per second produced in the background (0: off). The sandbox turns it on.</summary>
    public double BackgroundChangesPerSecond { get; init; }

    /// <summary>The clock (a fake one in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

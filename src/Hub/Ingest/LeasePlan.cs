namespace Lsb.Hub.Ingest;

/// <summary>What a lease refresh decided: the installations this node polls now, and those it must stop polling
/// (stop the poller first, then <see cref="IInstallationLeases.ReleaseAsync"/>).</summary>
/// <param name="Held">Installations this node holds the lease of.</param>
/// <param name="ToRelease">Installations this node holds but should hand over (more than its fair share).</param>
public sealed record LeasePlan(IReadOnlySet<string> Held, IReadOnlyList<string> ToRelease);

using Lsb.Hub.Canonical.Events;

namespace Lsb.Hub.Ingest;

/// <summary>
/// A feature that keeps its own tables in step with ingest (person links, consent from the ILS, digital loans that
/// were waiting for their member). Called by <see cref="CanonicalIngest"/> inside the page's transaction, after the
/// state rows are written and the page's events appended, so the feature's rows commit with the state or not at all.
/// </summary>
public interface IIngestParticipant
{
    /// <summary>
    /// Brings the feature's rows up to date with the page. MUST use only <see cref="IngestParticipation.Connection"/>
    /// and its transaction (a second connection would wait on the page's own write lock) and MUST be idempotent: the
    /// same page applied twice changes nothing the second time. Returns events to append, all of ONE source system
    /// (may be empty).
    /// </summary>
    Task<IReadOnlyList<CanonicalEvent>> ApplyAsync(IngestParticipation participation, CancellationToken cancellationToken);
}

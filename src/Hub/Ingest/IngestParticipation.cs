using System.Data.Common;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Ingest;

/// <summary>What an <see cref="IIngestParticipant"/> sees of one ingest page.</summary>
/// <param name="Connection">The page's connection.</param>
/// <param name="Transaction">The page's open transaction.</param>
/// <param name="Dialect">SQL differences of the provider.</param>
/// <param name="InstallationId">The installation the page came from.</param>
/// <param name="Members">Member snapshots applied by this page (not stale), in page order; written already.</param>
/// <param name="Now">The transaction's clock reading.</param>
public sealed record IngestParticipation(
    DbConnection Connection,
    DbTransaction Transaction,
    SqlDialect Dialect,
    string InstallationId,
    IReadOnlyList<AppliedMember> Members,
    DateTimeOffset Now);

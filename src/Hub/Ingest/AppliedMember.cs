using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Ingest.State;

namespace Lsb.Hub.Ingest;

/// <summary>A member snapshot that an ingest page applied, with the row as written.</summary>
/// <param name="Snapshot">The translated snapshot (carries fields the row does not, such as ILS consent).</param>
/// <param name="Row">The <c>members</c> row after the page.</param>
/// <param name="Changed">False when the row's canonical content is what the hub held already (only the version moved).</param>
/// <param name="IdentityChanged">True for a membership the hub did not hold (or held as removed), or whose card number,
/// national user id or birth date changed: what person linking compares (docs/customer-view.md). A new address is a
/// change, but links nobody differently.</param>
public sealed record AppliedMember(MemberSnapshot Snapshot, MemberRow Row, bool Changed, bool IdentityChanged = true);

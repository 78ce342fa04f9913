namespace Lsb.Hub.Privacy.Erasure;

/// <summary>The audit record of an erasure: who asked, when, and how much of each kind was removed — NEVER what.</summary>
/// <param name="ErasureId">The erasure's id.</param>
/// <param name="MemberId">The membership named in the request.</param>
/// <param name="RequestedBy">The API key that asked.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="CompletedAt">When every store was done (null if a store is still to be scrubbed: ask again).</param>
/// <param name="Memberships">Memberships of the person erased (all linked memberships, every library).</param>
/// <param name="LoansRemoved">Loans removed, physical and digital, including pseudonymised history.</param>
/// <param name="WaitingEventsRemoved">E-book loan events that waited for the person, removed.</param>
/// <param name="ConsentRecordsRemoved">Consent decisions and audit entries removed.</param>
/// <param name="MessagesScrubbed">Stored messages from which the person's records were cut.</param>
/// <param name="MessagesRemoved">Stored messages removed because they were about the person only.</param>
/// <param name="TombstonePosition">Log position of the last tombstone event (MemberRemoved, erased).</param>
/// <param name="AlreadyErased">True when this answer repeats an earlier erasure (the request is idempotent).</param>
public sealed record ErasureReport(
    string ErasureId,
    string MemberId,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt,
    int Memberships,
    int LoansRemoved,
    int WaitingEventsRemoved,
    int ConsentRecordsRemoved,
    int MessagesScrubbed,
    int MessagesRemoved,
    long TombstonePosition,
    bool AlreadyErased);

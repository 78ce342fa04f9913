namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>Which records a list request selects: the kind, a set, and datestamps from (inclusive) to before (exclusive).</summary>
internal sealed record OaiFilter(OaiRecordKind Kind, string? Set, DateTimeOffset? From, DateTimeOffset? Before);

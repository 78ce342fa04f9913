namespace Lsb.Hub.Ibl.Timers;

/// <summary>Bus message (scheduled): timer <paramref name="Kind"/> of a request, due at <paramref name="DueAt"/> by
/// the IBL clock. <paramref name="Token"/> identifies the situation it was set for.</summary>
public sealed record IblTimerDue(string RequestId, IblTimerKind Kind, int Token, DateTimeOffset DueAt);

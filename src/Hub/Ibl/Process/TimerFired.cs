using Lsb.Hub.Ibl.Timers;

namespace Lsb.Hub.Ibl.Process;

/// <summary>A timer came due (by the IBL clock). <paramref name="Token"/> says which situation it was set for; a timer
/// whose situation has passed changes nothing.</summary>
public sealed record TimerFired(IblTimerKind Kind, int Token) : IblInput("timer", "timer");

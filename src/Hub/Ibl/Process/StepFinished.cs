using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Ibl.Process;

/// <summary>An adapter carried a step out (or refused it, or said staff must do it by hand).</summary>
/// <param name="Actor">The adapter, for the history.</param>
/// <param name="StepId">The step.</param>
/// <param name="Result">The adapter's answer; NEVER <see cref="CommandOutcome.Transient"/> or <see cref="CommandOutcome.Unknown"/> (those are retried first).</param>
public sealed record StepFinished(string Actor, string StepId, CommandResult Result) : IblInput(Actor, "adapter");

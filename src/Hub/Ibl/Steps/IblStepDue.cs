namespace Lsb.Hub.Ibl.Steps;

/// <summary>Bus message: carry out step <paramref name="StepId"/> of request <paramref name="RequestId"/>. Handled
/// at most once in effect: a step that is no longer pending is skipped.</summary>
public sealed record IblStepDue(string RequestId, string StepId);

namespace Lsb.Hub.Ibl.Outbox;

/// <summary>A bus message decided in a transaction (<c>ibl_outbox</c>), handed to the bus after commit.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="RequestId">The request.</param>
/// <param name="Message">The message: <see cref="Steps.IblStepDue"/>, <see cref="Timers.IblTimerDue"/> or <see cref="Iso18626.IblIsoSend"/>.</param>
public sealed record IblOutboxEntry(string Id, string RequestId, object Message);

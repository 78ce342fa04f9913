namespace Lsb.Hub.FailedMessages.Api;

/// <summary>The answer to an archive, unarchive or discard: how many messages it affected.</summary>
/// <param name="Action">archive, unarchive or discard.</param>
/// <param name="Affected">How many messages.</param>
public sealed record ActionResult(string Action, int Affected);

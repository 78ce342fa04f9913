namespace Lsb.Hub.Tests.ScaleOut.Support;

/// <summary>One read of an installation's change feed by a hub node: when it began and when it ended.</summary>
public sealed record PageRead(string Node, string Installation, DateTimeOffset Started, DateTimeOffset Ended);

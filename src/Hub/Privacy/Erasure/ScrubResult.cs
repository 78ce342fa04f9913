namespace Lsb.Hub.Privacy.Erasure;

/// <summary>The decision and, for <see cref="ScrubAction.Rewritten"/>, the new body.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Body">The new body when rewritten.</param>
public sealed record ScrubResult(ScrubAction Action, byte[]? Body);

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>Body of a comment on a group.</summary>
/// <param name="Text">The note, 1 to 4,000 characters.</param>
public sealed record CommentRequest(string? Text);

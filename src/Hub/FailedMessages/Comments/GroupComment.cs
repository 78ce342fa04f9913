namespace Lsb.Hub.FailedMessages.Comments;

/// <summary>An administrator's note on a group of failed messages.</summary>
/// <param name="Id">The comment id.</param>
/// <param name="Group">The group key.</param>
/// <param name="Author">The API key name that wrote it.</param>
/// <param name="At">When.</param>
/// <param name="Text">The note.</param>
public sealed record GroupComment(string Id, string Group, string Author, DateTimeOffset At, string Text);

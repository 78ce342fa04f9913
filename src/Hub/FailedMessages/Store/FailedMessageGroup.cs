namespace Lsb.Hub.FailedMessages.Store;

/// <summary>A group of failed messages: the same exception type, message type and installation.</summary>
/// <param name="Key">The group key, usable as the <c>group</c> filter and for replay.</param>
/// <param name="ExceptionType">The exception type.</param>
/// <param name="MessageType">The message type.</param>
/// <param name="Installation">The installation ("-" when the messages name none).</param>
/// <param name="Count">Failed (not archived) messages in the group.</param>
/// <param name="FirstFailedAt">The earliest failure in the group.</param>
/// <param name="LastFailedAt">The latest failure in the group.</param>
/// <param name="SampleMessage">The exception message of one member, to tell the group at a glance.</param>
/// <param name="Comments">Comments on the group.</param>
public sealed record FailedMessageGroup(
    string Key,
    string ExceptionType,
    string MessageType,
    string Installation,
    int Count,
    DateTimeOffset? FirstFailedAt,
    DateTimeOffset? LastFailedAt,
    string? SampleMessage,
    int Comments);

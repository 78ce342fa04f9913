namespace Lsb.Hub.FailedMessages.Store;

/// <summary>A page of failed messages.</summary>
/// <param name="Items">The messages on this page.</param>
/// <param name="Page">The page number (1-based).</param>
/// <param name="PageSize">The page size asked for.</param>
/// <param name="Total">How many messages match the filter in all.</param>
public sealed record FailedMessagePage(IReadOnlyList<FailedMessageSummary> Items, int Page, int PageSize, int Total);

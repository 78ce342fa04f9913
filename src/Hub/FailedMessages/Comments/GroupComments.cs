using Lsb.Hub.Canonical.Identity;
using Dapper;
using Lsb.Hub.FailedMessages.Store;
using Lsb.Hub.Storage;

namespace Lsb.Hub.FailedMessages.Comments;

/// <summary>Comments on groups of failed messages (<c>failed_message_group_comments</c>). Comments outlive the
/// messages: a group that comes back finds its history.</summary>
public sealed class GroupComments(HubDatabase database)
{
    /// <summary>The longest comment accepted.</summary>
    public const int MaxLength = 4000;

    /// <summary>Adds a comment.</summary>
    public async Task<GroupComment> AddAsync(string group, string author, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var comment = new GroupComment(Uuid7.New().ToString("D"), group, author, at, text);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO failed_message_group_comments (id, failure_group, author, at, text) VALUES (@Id, @Group, @Author, @at, @Text)",
            new { comment.Id, comment.Group, comment.Author, at = IsoTime.Format(at), comment.Text }, cancellationToken: cancellationToken));
        return comment;
    }

    /// <summary>The comments on a group, oldest first.</summary>
    public async Task<IReadOnlyList<GroupComment>> ListAsync(string group, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Group, string Author, string At, string Text)>(new CommandDefinition(
            "SELECT id, failure_group, author, at, text FROM failed_message_group_comments WHERE failure_group = @group ORDER BY at, id",
            new { group }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new GroupComment(r.Id, r.Group, r.Author, IsoTime.Parse(r.At), r.Text))];
    }

    /// <summary>How many comments each group has.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Group, long Count)>(new CommandDefinition(
            "SELECT failure_group, COUNT(*) FROM failed_message_group_comments GROUP BY failure_group", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Group, r => (int)r.Count, StringComparer.Ordinal);
    }
}

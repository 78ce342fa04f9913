using System.Globalization;
using Dapper;
using Lsb.Hub.Privacy;
using Lsb.Hub.Storage;

namespace Lsb.Hub.PatronServices.Authentication;

/// <summary>
/// <see cref="ICardFailureLog"/> in the hub's database (<c>patron_auth_failures</c>), so every node behind a balancer
/// counts the same failures. A card is stored as its keyed hash (<see cref="PrivacyPurpose.PatronAuthThrottle"/>): a
/// card number has too few digits for a plain digest to hide it.
/// </summary>
public sealed class DatabaseCardFailureLog(HubDatabase database, PrivacyKeys keys) : ICardFailureLog
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DateTimeOffset>> SinceAsync(string card, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(card, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT failed_at FROM patron_auth_failures WHERE card_key = @key AND failed_at > @since ORDER BY failed_at",
            new { key, since = Text(since) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => DateTimeOffset.Parse(r, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))];
    }

    /// <inheritdoc />
    public async Task AddAsync(string card, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(card, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await HubDatabase.BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM patron_auth_failures WHERE failed_at <= @forget; INSERT INTO patron_auth_failures (card_key, failed_at) VALUES (@key, @at)",
            new { key, at = Text(at), forget = Text(forgetBefore) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task ClearAsync(string card, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(card, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM patron_auth_failures WHERE card_key = @key", new { key }, cancellationToken: cancellationToken));
    }

    private async Task<string> KeyAsync(string card, CancellationToken cancellationToken)
        => (await keys.ForAsync(PrivacyPurpose.PatronAuthThrottle, cancellationToken)).Hex(card);

    // Fixed-width UTC round-trip text, so comparing the text compares the times.
    private static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

using System.Data.Common;
using System.Globalization;
using Lsb.Hub.CustomerView;
using Lsb.Hub.Storage;

namespace Lsb.Hub.DigitalLoans;

/// <summary>Reads e-book loan events kept in <c>digital_loan_events</c> while they wait (for their member or start).</summary>
public static class WaitingEvents
{
    private const string Columns =
        "event_id, content_hash, event_type, state, loan_key, member_key, national_key, home_isil, isbn, title, occurred_at, started_at, due_at, ended_at";

    /// <summary>Waiting events whose <paramref name="column"/> (<c>loan_key</c>, <c>member_key</c> or
    /// <c>national_key</c>) is one of <paramref name="values"/>.</summary>
    public static async Task<List<IntakeEvent>> ByAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect,
        string column, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(values);
        var events = new List<IntakeEvent>();
        if (values.Count == 0) return events;
        await using var command = SqlCommands.Create(connection, transaction,
            $"SELECT {Columns} FROM digital_loan_events WHERE {dialect.InList(column, "@values")} AND {column} IS NOT NULL");
        dialect.AddList(command, "@values", values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new IntakeEvent
            {
                EventId = reader.GetString(0),
                ContentHash = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                Type = Enum.Parse<DigitalLoanEventType>(reader.GetString(2)),
                State = Enum.Parse<IntakeState>(reader.GetString(3)),
                LoanKey = reader.GetString(4),
                MemberKey = SqlCommands.Text(reader, 5),
                NationalKey = SqlCommands.Text(reader, 6),
                HomeIsil = reader.GetString(7),
                Isbn = reader.GetString(8),
                Title = SqlCommands.Text(reader, 9),
                OccurredAt = Time(reader.GetString(10)),
                StartedAt = SqlCommands.Text(reader, 11) is { } s ? Time(s) : null,
                DueAt = SqlCommands.Text(reader, 12) is { } d ? Time(d) : null,
                EndedAt = SqlCommands.Text(reader, 13) is { } e ? Time(e) : null,
                IsNew = false,
            });
        }
        return events;
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}

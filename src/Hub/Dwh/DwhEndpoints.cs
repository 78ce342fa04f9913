using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Lsb.Hub.Auth;
using Lsb.Hub.EventLog;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.Dwh;

/// <summary>
/// The DWH pull feed: <c>GET /api/v1/dwh/events?after=&amp;limit=</c> (a stable cursor: the log position, so a consumer
/// starts at 0, stops and resumes with no gap and no duplicate) and <c>GET /api/v1/dwh/export.csv?from=&amp;to=</c> (a
/// date range for bulk loads, streamed). Scope <c>dwh</c> (or admin).
/// </summary>
public static class DwhEndpoints
{
    /// <summary>The most events one call returns.</summary>
    public const int MaxLimit = 5000;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDwh(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/dwh/events", ReadAsync).WithTags("DWH feed")
            .WithSummary("Pseudonymised events after a position, oldest first").Produces<DwhEventPage>().ProducesValidationProblem();
        app.MapGet("/api/v1/dwh/export.csv", ExportAsync).WithTags("DWH feed")
            .WithSummary("Pseudonymised events recorded in a date range, as CSV (streamed)").Produces(200, contentType: "text/csv");
        return app;
    }

    private static IResult? Deny(ClaimsPrincipal user, Pseudonymizer pseudonyms)
    {
        if (!user.Has(Scopes.Dwh) && !user.IsAdmin()) return Problems.Forbidden("The DWH feed needs scope 'dwh'.");
        if (!pseudonyms.Enabled)
            return Results.Problem(statusCode: 503, title: "DWH feed not configured",
                detail: "Dwh:PseudonymKey is not set: configure a base64 key of at least 32 random bytes (environment Dwh__PseudonymKey) and restart.");
        return null;
    }

    private static async Task<IResult> ReadAsync(string? after, string? limit, ClaimsPrincipal user, Pseudonymizer pseudonyms,
        EventLogReader reader, DwhEventMapper mapper, CancellationToken cancellationToken)
    {
        if (Deny(user, pseudonyms) is { } denied) return denied;
        long afterValue = 0;
        if (after is not null && (!long.TryParse(after, out afterValue) || afterValue < 0))
            return Problems.Invalid("after", $"'after' must be a position (a whole number ≥ 0); got '{after}'. Start at 0 for a backfill.");
        var limitValue = 1000;
        if (limit is not null && (!int.TryParse(limit, out limitValue) || limitValue < 1 || limitValue > MaxLimit))
            return Problems.Invalid("limit", $"'limit' must be between 1 and {MaxLimit}; got '{limit}'.");
        var events = await reader.ReadAsync(afterValue, limitValue, cancellationToken);
        var head = await reader.HeadAsync(cancellationToken);
        var mapped = events.Select(mapper.Map).ToList();
        return Results.Ok(new DwhEventPage(mapped, mapped.Count > 0 ? mapped[^1].Position : afterValue, head));
    }

    private static async Task<IResult> ExportAsync(string? from, string? to, ClaimsPrincipal user, Pseudonymizer pseudonyms,
        EventLogReader reader, DwhEventMapper mapper, HttpContext context, CancellationToken cancellationToken)
    {
        if (Deny(user, pseudonyms) is { } denied) return denied;
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fromDate))
            return Problems.Invalid("from", "Give 'from' as a date yyyy-MM-dd (UTC, inclusive).");
        if (!DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var toDate) || toDate < fromDate)
            return Problems.Invalid("to", "Give 'to' as a date yyyy-MM-dd (UTC, inclusive), not before 'from'.");

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"lsb-dwh-{fromDate:yyyyMMdd}-{toDate:yyyyMMdd}.csv\"";
        var start = new DateTimeOffset(fromDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var csv = CsvWriter.Create(context.Response.Body, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
        foreach (var header in new[] { "position", "eventId", "eventType", "schemaVersion", "subject", "isil", "sourceSystem", "occurredAt", "recordedAt", "keyVersion", "data", "currentIsil" })
            csv.WriteField(header);
        await csv.EndRecordAsync(cancellationToken);
        var after = await reader.FirstPositionRecordedFromAsync(start, cancellationToken) - 1;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await reader.ReadAsync(after, 2000, cancellationToken);
            if (page.Count == 0) break;
            foreach (var logged in page)
            {
                if (logged.RecordedAt >= end) return Results.Empty;
                var e = mapper.Map(logged);
                csv.WriteField(e.Position.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(e.EventId.ToString());
                csv.WriteField(e.EventType);
                csv.WriteField(e.SchemaVersion.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(e.Subject);
                csv.WriteField(e.Isil);
                csv.WriteField(e.SourceSystem);
                csv.WriteField(e.OccurredAt.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(e.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(e.KeyVersion.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(e.Data.ToJsonString());
                csv.WriteField(e.CurrentIsil);
                await csv.EndRecordAsync(cancellationToken);
            }
            after = page[^1].Position;
            await csv.FlushAsync(cancellationToken);
        }
        return Results.Empty;
    }
}

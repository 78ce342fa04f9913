using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Storage;

namespace Lsb.Hub.DigitalLoans;

/// <summary>
/// Reads one event of a batch field by field, so a bad event is refused with every reason while the others go
/// through (a typed deserialiser would fail the whole batch on the first bad value). See docs/customer-view.md for
/// the fields.
/// </summary>
public static partial class DigitalLoanEventReader
{
    /// <summary>The longest event id or platform loan id accepted.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The longest title accepted.</summary>
    public const int MaxTitleLength = 1000;

    /// <summary>The event, or null with the reasons it cannot be accepted.</summary>
    public static IntakeEvent? Read(JsonElement element, MatchKeys keys, out List<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(keys);
        reasons = [];
        if (element.ValueKind != JsonValueKind.Object)
        {
            reasons.Add($"An event must be a JSON object; got {element.ValueKind}.");
            return null;
        }
        var eventId = Text(element, "eventId", reasons, MaxIdLength, required: true);
        var typeText = Text(element, "type", reasons, 20, required: true);
        DigitalLoanEventType? type = typeText?.ToUpperInvariant() switch
        {
            null => null,
            "STARTED" => DigitalLoanEventType.Started,
            "RENEWED" => DigitalLoanEventType.Renewed,
            "ENDED" => DigitalLoanEventType.Ended,
            _ => null,
        };
        if (typeText is not null && type is null) reasons.Add($"type '{typeText}' is not known: use started, renewed or ended.");
        var loanId = Text(element, "loanId", reasons, MaxIdLength, required: false);
        var isilText = Text(element, "homeIsil", reasons, 64, required: true);
        Isil isil = default;
        if (isilText is not null && !Isil.TryParse(isilText, out isil, out var isilError)) reasons.Add("homeIsil: " + isilError);
        var card = Text(element, "cardNumber", reasons, 64, required: false);
        var national = Text(element, "nationalUserId", reasons, 64, required: false);
        if (card is null && national is null && !reasons.Any(r => r.StartsWith("cardNumber", StringComparison.Ordinal) || r.StartsWith("nationalUserId", StringComparison.Ordinal)))
            reasons.Add("The member is missing: give cardNumber (with homeIsil) or nationalUserId.");
        var isbnText = Text(element, "isbn", reasons, 32, required: false);
        var isbn = Isbn.Normalise(isbnText, out var isbnError);
        if (isbnError is not null) reasons.Add(isbnError);
        var title = Text(element, "title", reasons, MaxTitleLength, required: false);
        var occurredAt = Time(element, "occurredAt", reasons, required: true);
        var startedAt = Time(element, "startedAt", reasons, required: false);
        var dueAt = Time(element, "dueAt", reasons, required: false);
        var endedAt = Time(element, "endedAt", reasons, required: false);

        if (type is { } known)
        {
            switch (known)
            {
                case DigitalLoanEventType.Started:
                    if (startedAt is null && !Has(element, "startedAt")) reasons.Add("startedAt is missing: a started event gives the start of the loan.");
                    if (title is null && !Has(element, "title")) reasons.Add("title is missing: a started event gives the e-book's title for the customer view.");
                    if (endedAt is not null) reasons.Add("endedAt is not allowed on a started event: send an ended event.");
                    break;
                case DigitalLoanEventType.Renewed:
                    if (dueAt is null && !Has(element, "dueAt")) reasons.Add("dueAt is missing: a renewed event gives the new due date.");
                    break;
            }
            if (loanId is null && known != DigitalLoanEventType.Started && startedAt is null && !Has(element, "startedAt"))
                reasons.Add("loanId or startedAt is missing: a renewed or ended event names its loan by the platform's loanId, or by the same member, isbn and startedAt as its started event.");
        }
        if (startedAt is { } s && dueAt is { } d && d < s) reasons.Add("dueAt is before startedAt: check the dates.");
        if (startedAt is { } s2 && endedAt is { } e && e < s2) reasons.Add("endedAt is before startedAt: check the dates.");
        if (reasons.Count > 0) return null;

        var memberKey = card is null ? null : keys.Card(isil.Value, card);
        var nationalKey = national is null ? null : keys.National(national);
        var hash = new ContentHash();
        foreach (var field in new[] { type!.Value.ToString(), loanId, isil.Value, memberKey, nationalKey, isbn, title, Iso(occurredAt), Iso(startedAt), Iso(dueAt), Iso(endedAt) })
            hash.Add(field);
        return new IntakeEvent
        {
            EventId = eventId!,
            ContentHash = hash.Value,
            Type = type.Value,
            LoanKey = keys.Loan(loanId, nationalKey ?? memberKey!, isbn!, startedAt),
            MemberKey = memberKey,
            NationalKey = nationalKey,
            HomeIsil = isil.Value,
            Isbn = isbn!,
            Title = title,
            OccurredAt = occurredAt!.Value,
            StartedAt = startedAt,
            DueAt = dueAt,
            EndedAt = endedAt,
            CardNumber = card,
            NationalUserId = national,
            IsNew = true,
        };
    }

    /// <summary>The event id of an element, if it has a usable one (for answering a rejected event).</summary>
    public static string? EventIdOf(JsonElement element)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString() : null;

    private static bool Has(JsonElement element, string name) => element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    private static string? Text(JsonElement element, string name, List<string> reasons, int maxLength, bool required)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) reasons.Add($"{name} is missing.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            reasons.Add($"{name} must be a string; got {value.ValueKind}.");
            return null;
        }
        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            if (required) reasons.Add($"{name} is empty.");
            else reasons.Add($"{name} is empty: leave it out instead.");
            return null;
        }
        if (text.Length > maxLength)
        {
            reasons.Add($"{name} has {text.Length} characters; at most {maxLength} are accepted.");
            return null;
        }
        return text;
    }

    private static DateTimeOffset? Time(JsonElement element, string name, List<string> reasons, bool required)
    {
        var text = Text(element, name, reasons, 64, required);
        if (text is null) return null;
        if (!OffsetPattern().IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            reasons.Add($"{name} '{text}' is not an ISO 8601 time with a UTC offset, e.g. '2026-11-20T14:05:00+01:00' or '2026-11-20T13:05:00Z'.");
            return null;
        }
        return value;
    }

    private static string? Iso(DateTimeOffset? value) => value?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetPattern();
}

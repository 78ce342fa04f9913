using System.Globalization;
using Lsb.Hub.FailedMessages.Store;

namespace Lsb.Hub.FailedMessages.Api;

/// <summary>Reads the list and group query strings: the filter, the status and paging.</summary>
public static class ListQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The filter in the query string, or why it is invalid.</summary>
    public static (FailedMessageFilter Filter, Refusal? Refusal) Filter(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Text(string name) => query[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
        var from = Time(query, "from", out var fromError);
        var to = Time(query, "to", out var toError);
        if ((fromError ?? toError) is { } error) return (new FailedMessageFilter(), error);
        if (from is { } f && to is { } t && f > t) return (new FailedMessageFilter(), Refusal.Invalid("from", "'from' is after 'to': swap them."));
        return (new FailedMessageFilter
        {
            MessageType = Text("messageType"),
            ExceptionType = Text("exceptionType"),
            Installation = Text("installation"),
            Vendor = Text("vendor"),
            Library = Text("library"),
            Group = Text("group"),
            From = from,
            To = to,
        }, null);
    }

    /// <summary>The status, page and page size, or why they are invalid.</summary>
    public static (FailedMessageStatus Status, int Page, int PageSize, Refusal? Refusal) Paging(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var status = FailedMessageStatus.Failed;
        if (query["status"].ToString() is { Length: > 0 } s && (!Enum.TryParse(s, ignoreCase: true, out status) || !Enum.IsDefined(status)))
            return (default, 0, 0, Refusal.Invalid("status", $"'status' must be Failed, Archived or Resolved; got '{s}'."));
        var page = 1;
        if (query["page"].ToString() is { Length: > 0 } p && (!int.TryParse(p, CultureInfo.InvariantCulture, out page) || page < 1))
            return (default, 0, 0, Refusal.Invalid("page", $"'page' must be a whole number ≥ 1; got '{p}'."));
        var pageSize = 50;
        if (query["pageSize"].ToString() is { Length: > 0 } ps && (!int.TryParse(ps, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
            return (default, 0, 0, Refusal.Invalid("pageSize", $"'pageSize' must be between 1 and {MaxPageSize}; got '{ps}'."));
        return (status, page, pageSize, null);
    }

    /// <summary>A time parameter (ISO 8601; a date alone means midnight UTC).</summary>
    public static DateTimeOffset? Time(IQueryCollection query, string name, out Refusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(query);
        refusal = null;
        var value = query[name].ToString();
        if (value.Length == 0) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)) return parsed;
        refusal = Refusal.Invalid(name, $"'{name}' must be an ISO 8601 time such as 2026-11-29T08:00:00Z; got '{value}'.");
        return null;
    }
}

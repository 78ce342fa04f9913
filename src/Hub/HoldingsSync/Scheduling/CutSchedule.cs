using System.Globalization;

namespace Lsb.Hub.HoldingsSync.Scheduling;

/// <summary>
/// When the next batch is cut, and which business day a cut belongs to, in the library world's local time
/// (Europe/Amsterdam, so 02:00 stays 02:00 across daylight-saving changes).
/// </summary>
public sealed class CutSchedule(HoldingsSyncScheduleOptions options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    /// <summary>The first cut strictly after <paramref name="now"/>.</summary>
    public DateTimeOffset NextCut(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, _zone);
        var anchor = ToUtc(DateOnly.FromDateTime(local.DateTime).AddDays(-1).ToDateTime(options.CutOffTime));
        if (options.Interval >= TimeSpan.FromDays(1))
        {
            var day = DateOnly.FromDateTime(local.DateTime).AddDays(-1);
            while (true)
            {
                var candidate = ToUtc(day.ToDateTime(options.CutOffTime));
                if (candidate > now) return candidate;
                day = day.AddDays(1);
            }
        }
        var steps = Math.Floor((now - anchor) / options.Interval) + 1;
        return anchor + (options.Interval * steps);
    }

    /// <summary>The business day (local date) of a cut made at <paramref name="at"/>, as yyyy-MM-dd.</summary>
    public string BusinessDay(DateTimeOffset at)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, _zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private DateTimeOffset ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone), TimeSpan.Zero);
    }
}

namespace Lsb.Hub.Simulators.VSmart.State;

/// <summary>V-smart keeps due dates as dates; NCIP carries them as the end of that day in the Netherlands.</summary>
internal static class DutchTime
{
    private static readonly TimeZoneInfo Amsterdam =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);
}

namespace Lsb.Hub.Adapters.Brocade.Translation;

/// <summary>Brocade writes local Dutch times; due dates mean the end of that day in the Netherlands.</summary>
internal static class DutchTime
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Amsterdam.GetUtcOffset(unspecified));
    }

    public static DateTimeOffset EndOfDay(DateOnly day) => FromLocal(day.ToDateTime(new TimeOnly(23, 59, 59)));

    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);
}

namespace Lsb.Hub.Simulators.Brocade.Exports;

/// <summary>Brocade writes local Dutch times (file names, CSV dates, SIP2 dates).</summary>
internal static class DutchClock
{
    private static readonly TimeZoneInfo Amsterdam =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime;
}

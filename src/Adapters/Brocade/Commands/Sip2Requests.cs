using System.Globalization;
using System.Text;
using Lsb.Hub.Adapters.Brocade.Translation;

namespace Lsb.Hub.Adapters.Brocade.Commands;

/// <summary>Builds SIP2 request bodies (without AY/AZ, which the connection adds). Values are stripped of <c>|</c> and CR.</summary>
internal static class Sip2Requests
{
    private const string NoDate = "                  ";

    public static string PatronInformation(string institution, string patron, string? password, DateTimeOffset now)
    {
        var text = new StringBuilder("63000").Append(Date(now)).Append("          ").Append(Field("AO", institution)).Append(Field("AA", patron)).Append(Field("AC", null));
        if (password is not null) text.Append(Field("AD", password));
        return text.ToString();
    }

    public static string CheckOut(string institution, string patron, string item, DateTimeOffset now, DateTimeOffset? due)
        => "11NN" + Date(now) + (due is { } d ? DutchTime.DateOf(d).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "    235959" : NoDate)
            + Field("AO", institution) + Field("AA", patron) + Field("AB", item) + Field("AC", null) + Field("BO", "N");

    public static string CheckIn(string institution, string item, DateTimeOffset now)
        => "09N" + Date(now) + Date(now) + Field("AP", institution) + Field("AO", institution) + Field("AB", item) + Field("AC", null);

    public static string Renew(string institution, string patron, string item, DateTimeOffset now)
        => "29NN" + Date(now) + NoDate + Field("AO", institution) + Field("AA", patron) + Field("AB", item) + Field("AC", null);

    public static string Hold(char mode, string institution, HoldReference hold, string? pickup, DateTimeOffset now)
    {
        var text = new StringBuilder("15").Append(mode).Append(Date(now));
        if (pickup is not null) text.Append(Field("BS", pickup));
        text.Append(Field("BY", hold.OnCopy ? "3" : "2")).Append(Field("AO", institution)).Append(Field("AA", hold.Patron));
        text.Append(hold.OnCopy ? Field("AB", hold.Target) : Field("AJ", hold.Target));
        return text.Append(Field("AC", null)).ToString();
    }

    public static string Status() => "9900302.00";

    private static string Date(DateTimeOffset now)
        => TimeZoneInfo.ConvertTime(now, DutchZone).ToString("yyyyMMdd'    'HHmmss", CultureInfo.InvariantCulture);

    private static string Field(string id, string? value) => $"{id}{(value ?? string.Empty).Replace('|', '/').Replace('\r', ' ').Replace('\n', ' ')}|";

    private static readonly TimeZoneInfo DutchZone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;
}

using System.Globalization;
using System.Text;
using Lsb.Hub.Simulators.Brocade.State;

namespace Lsb.Hub.Simulators.Brocade.Sip2;

/// <summary>Check-out (11/12), check-in (09/10), renewal (29/30), holds (15/16) and end of session (35/36).</summary>
internal sealed partial class Sip2Responder
{
    public string CheckOut(Sip2Request request)
    {
        DateOnly? due = null;
        var nbDue = request.Fixed.Substring(20, 18).Trim();
        if (nbDue.Length >= 8 && DateOnly.TryParseExact(nbDue[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) due = d;
        return Loan("12", request, state.CheckOut(request["AA"], request["AB"], due));
    }

    public string Renew(Sip2Request request) => Loan("30", request, state.Renew(request["AA"], request["AB"]));

    public string CheckIn(Sip2Request request)
    {
        var answer = state.CheckIn(request["AB"]);
        var text = new StringBuilder("10").Append(answer.Ok ? '1' : '0').Append(answer.Ok ? 'Y' : 'N').Append('N')
            .Append(answer.Copy?.Status == BrocadeCodes.CopyOnHoldShelf ? 'Y' : 'N').Append(Sip2Wire.Date(state.Now))
            .Append(Sip2Wire.Field("AO", request["AO"])).Append(Sip2Wire.Field("AB", request["AB"]))
            .Append(Sip2Wire.Field("AQ", answer.Copy?.Branch)).Append(Sip2Wire.Field("AJ", answer.Copy?.Title.Title));
        if (answer.Loan is { } loan) text.Append(Sip2Wire.Field("AA", loan.Member.Card));
        if (answer.Message is { } message) text.Append(Sip2Wire.Field("AF", message));
        return text.ToString();
    }

    public string Hold(Sip2Request request)
    {
        var mode = request.Fixed[0];
        var title = request["AJ"];
        var answer = mode == '-'
            ? state.CancelHold(request["AA"], request["AB"], title)
            : state.PlaceHold(request["AA"], request["AB"], title, request["BS"]);
        var text = new StringBuilder("16").Append(answer.Ok ? '1' : '0').Append(answer.Copy?.Status == BrocadeCodes.CopyPresent ? 'Y' : 'N')
            .Append(Sip2Wire.Date(state.Now)).Append(Sip2Wire.Field("AO", request["AO"])).Append(Sip2Wire.Field("AA", request["AA"]));
        if (request["AB"] is { } barcode) text.Append(Sip2Wire.Field("AB", barcode));
        if (title is not null) text.Append(Sip2Wire.Field("AJ", title));
        if (request["BS"] is { } pickup) text.Append(Sip2Wire.Field("BS", pickup));
        if (answer.Message is { } message) text.Append(Sip2Wire.Field("AF", message));
        return text.ToString();
    }

    public string EndSession(Sip2Request request)
        => "36Y" + Sip2Wire.Date(state.Now) + Sip2Wire.Field("AO", request["AO"]) + Sip2Wire.Field("AA", request["AA"]);

    private string Loan(string code, Sip2Request request, SipAnswer answer)
    {
        var renewed = code == "30" || answer.Message == ScreenMessages.AlreadyLentToPatron;
        var text = new StringBuilder(code).Append(answer.Ok ? '1' : '0').Append(answer.Ok && renewed ? 'Y' : 'N').Append('N')
            .Append(answer.Ok ? 'Y' : 'N').Append(Sip2Wire.Date(state.Now))
            .Append(Sip2Wire.Field("AO", request["AO"])).Append(Sip2Wire.Field("AA", request["AA"])).Append(Sip2Wire.Field("AB", request["AB"]))
            .Append(Sip2Wire.Field("AJ", answer.Copy?.Title.Title));
        if (answer.Ok && answer.Loan is { } loan) text.Append(Sip2Wire.Field("AH", Sip2Wire.DueDate(loan.DueDate)));
        if (answer.Message is { } message) text.Append(Sip2Wire.Field("AF", message));
        return text.ToString();
    }
}

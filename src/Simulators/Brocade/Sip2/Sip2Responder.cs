using System.Globalization;
using System.Text;
using Lsb.Hub.Simulators.Brocade.State;

namespace Lsb.Hub.Simulators.Brocade.Sip2;

/// <summary>Answers each SIP2 request from the installation's state (docs/vendors/brocade.md lists the fields).</summary>
internal sealed partial class Sip2Responder(InstallationState state)
{
    private const decimal FineLimit = 10m;

    public string Status(Sip2Request request)
    {
        var library = state.Spec.Libraries[0];
        return "98YYYYNN010003" + Sip2Wire.Date(state.Now) + "2.00" + Sip2Wire.Field("AO", library.LibraryCode) + Sip2Wire.Field("AM", library.Name)
            + Sip2Wire.Field("BX", "YYYYYYYYYYYNNYYY") + Sip2Wire.Field("AN", request["CP"] ?? "LSB");
    }

    public string PatronInformation(Sip2Request request, bool full)
    {
        var institution = request["AO"];
        var identifier = request["AA"];
        var password = request["AD"];
        var now = Sip2Wire.Date(state.Now);
        return state.Read(s =>
        {
            var member = s.IsLibrary(institution) ? s.FindPatron(identifier) : null;
            var text = new StringBuilder(full ? "64" : "24");
            if (member is null)
            {
                text.Append("YYYY          000").Append(now);
                if (full) text.Append("000000000000000000000000");
                text.Append(Sip2Wire.Field("AO", institution)).Append(Sip2Wire.Field("AA", identifier)).Append(Sip2Wire.Field("AE", string.Empty))
                    .Append(Sip2Wire.Field("BL", "N"));
                if (password is not null) text.Append(Sip2Wire.Field("CQ", "N"));
                return text.Append(Sip2Wire.Field("AF", s.IsLibrary(institution) ? ScreenMessages.PatronUnknown : ScreenMessages.UnknownInstitution)).ToString();
            }
            var denied = member.Status != BrocadeCodes.MemberActive;
            var status = new StringBuilder(denied ? "YYYY" : "    ").Append("          ");
            if (member.Fines > FineLimit) status[10] = 'Y';
            text.Append(status).Append("000").Append(now);
            if (full)
            {
                var charged = s.AllLoans.Count(l => l.Member == member && l.ReturnedAt is null);
                var overdue = s.AllLoans.Count(l => l.Member == member && l.ReturnedAt is null && l.DueDate < s.Today);
                text.Append(CultureInfo.InvariantCulture, $"{s.OpenHolds(member):D4}{overdue:D4}{charged:D4}{(member.Fines > 0 ? 1 : 0):D4}0000{0:D4}");
            }
            text.Append(Sip2Wire.Field("AO", institution)).Append(Sip2Wire.Field("AA", identifier)).Append(Sip2Wire.Field("AE", member.FullName))
                .Append(Sip2Wire.Field("BL", "Y"));
            if (password is not null)
                text.Append(Sip2Wire.Field("CQ", System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    Encoding.UTF8.GetBytes(member.Pin), Encoding.UTF8.GetBytes(password)) ? "Y" : "N"));
            text.Append(Sip2Wire.Field("BH", "EUR")).Append(Sip2Wire.Field("BV", member.Fines.ToString("0.00", CultureInfo.InvariantCulture)));
            if (full)
            {
                text.Append(Sip2Wire.Field("CC", FineLimit.ToString("0.00", CultureInfo.InvariantCulture)))
                    .Append(Sip2Wire.Field("PC", member.Category)).Append(Sip2Wire.Field("PE", member.ExpiresOn.ToString("yyyyMMdd", CultureInfo.InvariantCulture)))
                    .Append(Sip2Wire.Field("XI", member.NumberText)).Append(Sip2Wire.Field("BE", member.Email));
            }
            var message = member.Status switch
            {
                BrocadeCodes.MemberBlocked => ScreenMessages.PatronBlocked,
                BrocadeCodes.MemberExpired => ScreenMessages.PatronExpired,
                _ => null,
            };
            if (message is not null) text.Append(Sip2Wire.Field("AF", message));
            return text.ToString();
        });
    }

    public string ItemInformation(Sip2Request request)
    {
        var identifier = request["AB"];
        var now = Sip2Wire.Date(state.Now);
        return state.Read(s =>
        {
            var copy = s.FindItem(identifier);
            if (copy is null)
                return "18010001" + now + Sip2Wire.Field("AB", identifier) + Sip2Wire.Field("AJ", string.Empty) + Sip2Wire.Field("AF", ScreenMessages.CopyUnknown);
            var loan = copy.OpenLoan is { } open ? s.AllLoans.First(l => l.Number == open) : null;
            var text = new StringBuilder("18").Append(BrocadeCodes.CirculationStatus(copy.Status)).Append("0201").Append(now);
            if (loan is not null) text.Append(Sip2Wire.Field("AH", Sip2Wire.DueDate(loan.DueDate)));
            return text.Append(Sip2Wire.Field("AB", copy.Barcode)).Append(Sip2Wire.Field("AJ", copy.Title.Title))
                .Append(Sip2Wire.Field("CK", BrocadeCodes.MediaType(copy.Title.Material))).Append(Sip2Wire.Field("AQ", copy.Branch))
                .Append(Sip2Wire.Field("AP", copy.Branch)).Append(Sip2Wire.Field("CH", copy.NumberText)).ToString();
        });
    }
}

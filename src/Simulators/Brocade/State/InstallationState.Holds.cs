namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>Holds placed and cancelled through SIP2 15 (mode + and -): on a copy (AB) or a title (AJ = title number).</summary>
internal sealed partial class InstallationState
{
    public SipAnswer PlaceHold(string? patron, string? item, string? titleNumber, string? pickup)
    {
        lock (_gate)
        {
            if (FindPatron(patron) is not { } member) return SipAnswer.Refused(ScreenMessages.PatronUnknown);
            if (member.Status == BrocadeCodes.MemberBlocked) return SipAnswer.Refused(ScreenMessages.PatronBlocked, member);
            if (member.Status == BrocadeCodes.MemberExpired) return SipAnswer.Refused(ScreenMessages.PatronExpired, member);
            var copy = FindItem(item);
            if (!string.IsNullOrEmpty(item) && copy is null) return SipAnswer.Refused(ScreenMessages.CopyUnknown, member);
            var title = copy?.Title ?? FindTitle(titleNumber);
            if (title is null) return SipAnswer.Refused(ScreenMessages.TitleUnknown, member);
            if (_holds.FirstOrDefault(h => !h.Cancelled && h.Member == member && h.Title == title && h.Copy == copy) is { } existing)
            {
                existing.Requests++;
                return new SipAnswer(false, ScreenMessages.HoldExists, null, copy, member);
            }
            _holds.Add(new SimHold { Member = member, Copy = copy, Title = title, Pickup = pickup ?? member.Branch });
            return new SipAnswer(true, null, null, copy, member);
        }
    }

    public SipAnswer CancelHold(string? patron, string? item, string? titleNumber)
    {
        lock (_gate)
        {
            if (FindPatron(patron) is not { } member) return SipAnswer.Refused(ScreenMessages.PatronUnknown);
            var copy = FindItem(item);
            var title = copy?.Title ?? FindTitle(titleNumber);
            var hold = _holds.FirstOrDefault(h => !h.Cancelled && h.Member == member && h.Title == title && (copy is null || h.Copy == copy));
            if (hold is null) return SipAnswer.Refused(ScreenMessages.HoldNotFound, member, copy);
            hold.Cancelled = true;
            return new SipAnswer(true, null, null, copy, member);
        }
    }

    public IReadOnlyList<Control.SimulatedHold> ListHolds()
    {
        lock (_gate)
        {
            return [.. _holds.Select(h => new Control.SimulatedHold(h.Member.NumberText, h.Member.Card,
                h.Copy?.Barcode, h.Title.Number, h.Cancelled, h.Requests))];
        }
    }

    public int OpenHolds(SimMember member) => _holds.Count(h => !h.Cancelled && h.Member == member);
}

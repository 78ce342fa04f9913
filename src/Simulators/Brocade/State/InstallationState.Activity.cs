namespace Lsb.Hub.Simulators.Brocade.State;

/// <summary>Seeding at start and generated activity (a trickle in the background for the sandbox).</summary>
internal sealed partial class InstallationState
{
    private void Seed(BrocadeSimulatorOptions options)
    {
        _seedClock = options.SeedTime - TimeSpan.FromDays(30);
        var step = TimeSpan.FromDays(30) / Math.Max(1, options.Installation.Libraries.Count * (options.MembersPerLibrary + options.CopiesPerLibrary + options.LoansPerLibrary));
        lock (_gate)
        {
            foreach (var library in Spec.Libraries)
            {
                for (var i = 0; i < options.MembersPerLibrary; i++, _seedClock += step) AddMemberCore(new Control.MemberDraft { LibraryCode = library.LibraryCode });
                for (var i = 0; i < options.CopiesPerLibrary; i++, _seedClock += step)
                {
                    var status = _faker.Random.WeightedRandom(
                        [BrocadeCodes.CopyPresent, BrocadeCodes.CopyInTransit, BrocadeCodes.CopyNotForLoan, BrocadeCodes.CopyInProcessing, BrocadeCodes.CopyMissing],
                        [0.93f, 0.02f, 0.02f, 0.02f, 0.01f]);
                    AddCopyCore(new Control.CopyDraft { LibraryCode = library.LibraryCode, Status = status });
                }
            }
            foreach (var library in Spec.Libraries)
            {
                for (var i = 0; i < options.LoansPerLibrary; i++, _seedClock += step) TryRandomCheckOut(library.LibraryCode);
            }
        }
        _seedClock = null;
    }

    /// <summary>Produces about <paramref name="count"/> changes: new members, address changes, new copies, loans and returns.</summary>
    public void Generate(int count) => Change(() =>
    {
        for (var i = 0; i < count; i++)
        {
            var library = _faker.PickRandom<BrocadeLibrarySpec>(Spec.Libraries).LibraryCode;
            var roll = _faker.Random.Double();
            if (roll < 0.08) AddMemberCore(new Control.MemberDraft { LibraryCode = library });
            else if (roll < 0.15) ChangeRandomAddress();
            else if (roll < 0.30) AddCopyCore(new Control.CopyDraft { LibraryCode = library });
            else if (roll < 0.65 || !TryRandomCheckIn()) TryRandomCheckOut(library);
        }
        return count;
    });

    private void ChangeRandomAddress()
    {
        var member = _faker.PickRandom(_members.Values.Where(m => !m.Deleted).Take(500).ToList());
        member.Street = _faker.Address.StreetName();
        member.City = _faker.Address.City();
        member.Version = Touch();
    }

    private void TryRandomCheckOut(string library)
    {
        var members = _members.Values.Where(m => !m.Deleted && m.Library == library && m.Status == BrocadeCodes.MemberActive).ToList();
        var copies = _copies.Values.Where(c => !c.Withdrawn && c.Library == library && c.OpenLoan is null && c.Status == BrocadeCodes.CopyPresent).ToList();
        if (members.Count == 0 || copies.Count == 0) return;
        CheckOutCore(_faker.PickRandom(members).Card, _faker.PickRandom(copies).Barcode, null, null);
    }

    private bool TryRandomCheckIn()
    {
        var open = _loans.Values.Where(l => l.ReturnedAt is null).Take(200).ToList();
        if (open.Count == 0) return false;
        CheckInCore(_faker.PickRandom(open).Copy.Barcode);
        return true;
    }
}

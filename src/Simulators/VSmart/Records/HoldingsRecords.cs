using Lsb.Hub.Marc;
using Lsb.Hub.Marc.Holdings;
using Lsb.Hub.Simulators.VSmart.State;

namespace Lsb.Hub.Simulators.VSmart.Records;

/// <summary>
/// A title's copies in one branch as a separate MARC 21 holdings record (<c>marcxml-holdings</c>), built with the hub's
/// <see cref="MarcHoldingsBuilder"/>: leader/06 <c>x</c> (single-part) or <c>y</c> (serial, with an 866 statement), 001
/// <c>{title}-{branch}</c>, 004 link to the bibliographic record, 852 location and one 876 per copy.
/// </summary>
internal static class HoldingsRecords
{
    public static MarcRecord Build(TitleSnapshot t, string branchCode)
    {
        var copies = t.Copies.Where(c => c.BranchCode == branchCode).ToList();
        var library = copies.Count > 0 ? copies[0].LibraryId : "?";
        var builder = new MarcHoldingsBuilder(t.TitleNumber)
            .WithControlNumber($"{t.TitleNumber}-{branchCode}")
            .AtLocation(library, branchCode, t.Department, t.Shelfmark)
            .At(t.Modified);
        if (t.IsSerial) builder.AsSerial().WithTextualHoldings($"{t.Year}-");
        foreach (var copy in copies)
        {
            builder.AddItem(new HoldingsItem
            {
                InternalItemNumber = copy.ItemId,
                Status = copy.Status,
                Barcode = copy.Barcode,
                CopyNumber = copy.CopyNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        return builder.Build();
    }
}

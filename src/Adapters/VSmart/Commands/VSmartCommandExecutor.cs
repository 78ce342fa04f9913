using System.Xml.Linq;
using Lsb.Hub.Adapters.VSmart.Mapping;
using Lsb.Hub.Adapters.VSmart.Ncip;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using static Lsb.Hub.Adapters.VSmart.Ncip.NcipRequests;

namespace Lsb.Hub.Adapters.VSmart.Commands;

/// <summary>
/// Carries out canonical commands against one V-smart installation with NCIP 2.02: LookupPatron and AuthenticatePatron
/// (LookupUser), PlaceHold (RequestItem), CancelHold (CancelRequestItem), CheckOut (CheckOutItem), CheckIn (CheckInItem),
/// RenewLoan (RenewItem), CreateTemporaryItem (AcceptItem), DeleteTemporaryItem (DeleteItem). NCIP Problems become
/// typed results (<see cref="NcipProblems"/>); an unreadable answer throws <see cref="IlsProtocolException"/>.
/// </summary>
internal sealed partial class VSmartCommandExecutor(NcipClient ncip, VSmartMappings mappings, Http.VSmartConnection connection)
{
    private string Installation => connection.Installation.Id.Value;

    private string HubAgency => connection.Options.HubAgencyId;

    public Task<CommandResult> ExecuteAsync(IlsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Resolve(command.Isil) is not { } target)
        {
            return Task.FromResult(CommandResult.Rejected(RejectionReason.InvalidRequest,
                $"ISIL {command.Isil} is not a library of V-smart installation '{Installation}': register it with the installation, " +
                $"or add its branch to {mappings.Branches.DisplayPath}."));
        }
        return command switch
        {
            LookupPatron c => LookupPatronAsync(c, target, cancellationToken),
            AuthenticatePatron c => AuthenticatePatronAsync(c, target, cancellationToken),
            PlaceHold c => PlaceHoldAsync(c, target, cancellationToken),
            CancelHold c => CancelHoldAsync(c, target, cancellationToken),
            CheckOut c => CheckOutAsync(c, target, cancellationToken),
            CheckIn c => CheckInAsync(c, target, cancellationToken),
            RenewLoan c => RenewAsync(c, target, cancellationToken),
            CreateTemporaryItem c => CreateTemporaryItemAsync(c, target, cancellationToken),
            DeleteTemporaryItem c => DeleteTemporaryItemAsync(c, target, cancellationToken),
            _ => Task.FromResult(CommandResult.NotSupported($"The V-smart adapter does not carry out {command.GetType().Name}.")),
        };
    }

    private VSmartTarget? Resolve(Isil isil)
    {
        var branches = mappings.BranchesWithIsil(Installation, isil).ToList();
        foreach (var library in connection.Installation.Libraries)
        {
            if (library.Isil == isil)
                return new VSmartTarget(library.VendorLibraryId, branches.FirstOrDefault(b => b.LibraryId == library.VendorLibraryId).BranchCode);
        }
        foreach (var (libraryId, branchCode) in branches)
        {
            if (connection.Installation.Libraries.Any(l => l.VendorLibraryId == libraryId)) return new VSmartTarget(libraryId, branchCode);
        }
        return null;
    }

    /// <summary>Sends a message and gives the response, or the command's result when it failed or was a Problem.</summary>
    private async Task<(NcipResponse? Response, CommandResult? Result)> SendAsync(XElement message, bool readOnly, string doing, CancellationToken cancellationToken)
    {
        var answer = await ncip.SendAsync(message, readOnly, doing, cancellationToken);
        if (answer.Failure is { } failure) return (null, failure);
        var response = answer.Response!;
        var service = message.Elements().First().Name.LocalName;
        return response.IsProblem ? (null, NcipProblems.ToResult(service, response.Problems[0], doing)) : (response, null);
    }

    private XElement Message(string service, VSmartTarget target, params object?[] content) => NcipRequests.Message(service, HubAgency, target.LibraryId, content);

    /// <summary>The patron as NCIP names them: by V-smart id, else by card number.</summary>
    private static XElement? User(PatronRef? patron, string agency)
        => !string.IsNullOrEmpty(patron?.LocalId) ? UserId(agency, "Institution Id Number", patron.LocalId)
            : !string.IsNullOrEmpty(patron?.CardNumber) ? UserId(agency, "Barcode", patron.CardNumber)
            : null;

    /// <summary>The copy as NCIP names it: by V-smart item id, else by barcode.</summary>
    private static XElement? Item(ItemRef? item, string agency)
        => !string.IsNullOrEmpty(item?.LocalId) ? ItemId(agency, "Item Id", item.LocalId)
            : !string.IsNullOrEmpty(item?.Barcode) ? ItemId(agency, "Barcode", item.Barcode)
            : null;

    /// <summary>A pickup location: a branch code of the library, or an ISIL mapped to one; null means the patron's home branch.</summary>
    private string? PickupBranch(string? pickupLocation, VSmartTarget target)
    {
        if (string.IsNullOrWhiteSpace(pickupLocation)) return target.BranchCode;
        if (Isil.TryParse(pickupLocation, out var isil, out _))
        {
            var branch = mappings.BranchesWithIsil(Installation, isil).FirstOrDefault(b => b.LibraryId == target.LibraryId);
            if (branch.BranchCode is not null) return branch.BranchCode;
        }
        return pickupLocation;
    }

    private static CommandResult NoPatron(string service)
        => CommandResult.Rejected(RejectionReason.InvalidRequest, $"The command names the patron by neither V-smart id nor card number; NCIP {service} needs one.");

    private static CommandResult NoItem(string service)
        => CommandResult.Rejected(RejectionReason.InvalidRequest, $"The command names the copy by neither V-smart item id nor barcode; NCIP {service} needs one.");
}

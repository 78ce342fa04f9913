using Dapper;
using Lsb.Hub.Canonical.Commands;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Ibl.Model;
using Lsb.Hub.Ibl.Process;
using Lsb.Hub.Installations;
using Lsb.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Ibl.Steps;

/// <summary>
/// Turns a step into the canonical command for the right installation. Installations and vendor ids are resolved when
/// the step runs, not when the request was placed, so a library re-homed to another installation in between gets its
/// commands at the new one. Commands to a lender name the borrowing library's institutional patron and the hub's
/// request id, NEVER the member: the member's card and local id go only to the member's own library.
/// </summary>
public sealed class IblCommandBuilder(HubDatabase database, InstallationStore installations, IOptions<IblOptions> options, IblClock clock)
{
    /// <summary>The command and the installation that carries it out, or a refusal explaining why it cannot be built.</summary>
    public async Task<(IlsCommand? Command, string? InstallationId, CommandResult? Refusal)> BuildAsync(IblCase c, IblStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(step);
        var r = c.Request;
        if (!Isil.TryParse(step.Agency, out var isil, out _))
            return (null, null, CommandResult.Rejected(RejectionReason.InvalidRequest, $"'{step.Agency}' is not an ISIL: the step cannot go to a library system."));
        await using var connection = await database.OpenAsync(cancellationToken);
        if (step.Party == IblParty.Lender)
        {
            var entry = c.Rota.FirstOrDefault(e => e.Position == step.Position) ?? c.Current;
            var installation = await LenderInstallationAsync(connection, entry, isil, cancellationToken);
            if (installation is null)
                return (null, null, CommandResult.Rejected(RejectionReason.InvalidRequest, $"Library {step.Agency} is not served by any registered installation: register it, then replay the step."));
            var patron = new PatronRef(null, null, InstitutionalPatron(await LibraryOfAsync(step.Agency, installation, cancellationToken),
                await LibraryOfAsync(r.RequestingAgency, null, cancellationToken)));
            var item = await LenderItemAsync(connection, installation, entry, r, cancellationToken);
            IlsCommand command = step.Kind switch
            {
                IblStepKind.PlaceLenderHold => new PlaceHold
                {
                    IdempotencyKey = step.StepId, Isil = isil, Patron = patron, Item = item, TitleId = entry?.LocalRecordId ?? r.Isbn ?? r.Ppn,
                    ExternalRequestId = r.Id,
                },
                IblStepKind.CancelLenderHold => new CancelHold { IdempotencyKey = step.StepId, Isil = isil, VendorRequestId = step.VendorRef ?? r.LenderHoldId ?? "", Patron = patron },
                IblStepKind.LenderCheckOut => new CheckOut { IdempotencyKey = step.StepId, Isil = isil, Patron = patron, Item = item ?? new ItemRef(null, null, r.ItemBarcode) },
                IblStepKind.RenewAtLender => new RenewLoan { IdempotencyKey = step.StepId, Isil = isil, Patron = patron, Item = item ?? new ItemRef(null, null, r.ItemBarcode) },
                IblStepKind.LenderCheckIn => new CheckIn { IdempotencyKey = step.StepId, Isil = isil, Item = item ?? new ItemRef(null, null, r.ItemBarcode) },
                _ => throw new InvalidOperationException($"{step.Kind} is not a lender step."),
            };
            return (command, installation, null);
        }
        if (r.MemberId is null)
            return (null, null, CommandResult.Rejected(RejectionReason.InvalidRequest, $"Request {r.Id} has no member: borrower steps need one."));
        var member = await connection.QuerySingleOrDefaultAsync<MemberAt>(new CommandDefinition(
            "SELECT m.installation_id, m.card_number, i.local_id FROM members m LEFT JOIN id_map i ON i.canonical_id = m.id AND i.entity = 'member' AND i.installation_id = m.installation_id WHERE m.id = @id",
            new { id = r.MemberId }, cancellationToken: cancellationToken));
        var borrowerInstallation = member?.InstallationId ?? (await installations.FindLibraryAsync(isil, cancellationToken))?.Installation.Id;
        if (borrowerInstallation is null)
            return (null, null, CommandResult.Rejected(RejectionReason.PatronUnknown, $"Member {r.MemberId} is not known at any installation: the hub must have ingested the member first."));
        var memberRef = new PatronRef(MemberId.Parse(r.MemberId), member?.LocalId, member?.CardNumber);
        var lenderInstallation = await LenderInstallationAsync(connection, c.Current, null, cancellationToken);
        var barcode = TemporaryBarcode(r, sameInstallation: lenderInstallation == borrowerInstallation);
        var temporary = new ItemRef(null, r.TempItemId, barcode);
        IlsCommand borrowerCommand = step.Kind switch
        {
            IblStepKind.ValidatePatron => new LookupPatron { IdempotencyKey = step.StepId, Isil = isil, Patron = memberRef },
            IblStepKind.CreateTemporaryItem => new CreateTemporaryItem
            {
                IdempotencyKey = step.StepId, Isil = isil, Barcode = barcode, Title = r.Title ?? "Interbibliothecair leenverkeer",
                Author = r.Author, OwningIsil = r.LenderAgency ?? "", Patron = memberRef, PickupLocation = r.PickupLocation, ExternalRequestId = r.Id,
            },
            IblStepKind.BorrowerCheckOut => new CheckOut { IdempotencyKey = step.StepId, Isil = isil, Patron = memberRef, Item = temporary, DueAt = MemberDue(r) },
            IblStepKind.RenewAtBorrower => new RenewLoan { IdempotencyKey = step.StepId, Isil = isil, Patron = memberRef, Item = temporary },
            IblStepKind.BorrowerCheckIn => new CheckIn { IdempotencyKey = step.StepId, Isil = isil, Item = temporary },
            IblStepKind.DeleteTemporaryItem => new DeleteTemporaryItem { IdempotencyKey = step.StepId, Isil = isil, Item = temporary },
            _ => throw new InvalidOperationException($"{step.Kind} is not a borrower step."),
        };
        return (borrowerCommand, borrowerInstallation, null);
    }

    /// <summary>The card number of the institutional patron of library <paramref name="borrower"/> at library <paramref name="lender"/>
    /// (both the registered library, not a branch).</summary>
    public string InstitutionalPatron(string lender, string borrower)
    {
        var pattern = options.Value.Library(lender).InstitutionalPatronPattern ?? options.Value.InstitutionalPatronPattern;
        return pattern.Replace("{borrower}", borrower, StringComparison.Ordinal).Replace("{lender}", lender, StringComparison.Ordinal);
    }

    /// <summary>
    /// The barcode of the temporary copy at the borrower: the lender's barcode (it is on the label staff scan), or
    /// <c>IBL-</c> and that barcode when lender and borrower share an installation (where the lender's barcode is
    /// taken by the lender's own copy), or one derived from the request id when the lender gave none.
    /// </summary>
    public static string TemporaryBarcode(Model.IblRequest r, bool sameInstallation)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.ItemBarcode is null) return "IBL-" + r.Id[^12..].ToUpperInvariant();
        return sameInstallation ? "IBL-" + r.ItemBarcode : r.ItemBarcode;
    }

    private DateTimeOffset? MemberDue(Model.IblRequest r)
    {
        if (IblClock.ParseOrNull(r.DueAt) is not { } due) return null;
        var member = due - options.Value.ReturnMargin;
        return member > clock.Now ? member : due;
    }

    /// <summary>The registered library a branch ISIL belongs to (the ISIL itself when it is registered or not Dutch).</summary>
    private async Task<string> LibraryOfAsync(string agency, string? installationId, CancellationToken cancellationToken)
    {
        if (!Isil.TryParse(agency, out var isil, out _)) return agency;
        if (await installations.FindLibraryAsync(isil, cancellationToken) is { } found) return found.Library.Isil.Value;
        var candidates = installationId is not null && await installations.GetAsync(installationId, cancellationToken) is { } one
            ? [one] : await installations.ListAsync(cancellationToken);
        foreach (var installation in candidates)
        {
            foreach (var library in installation.Descriptor.Libraries)
                if (IblLibraries.SameLibrary(library.Isil.Value, agency)) return library.Isil.Value;
        }
        return agency;
    }

    private async Task<string?> LenderInstallationAsync(System.Data.Common.DbConnection connection, RotaEntry? entry, Isil? isil, CancellationToken cancellationToken)
    {
        if (entry?.HoldingId is { } holdingId)
        {
            var current = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT installation_id FROM holdings WHERE id = @holdingId", new { holdingId }, cancellationToken: cancellationToken));
            if (current is not null) return current;
        }
        if (entry?.InstallationId is { } known) return known;
        if (isil is null && entry is not null && Isil.TryParse(entry.Agency, out var agency, out _)) isil = agency;
        return isil is { } lender ? (await installations.FindLibraryAsync(lender, cancellationToken))?.Installation.Id : null;
    }

    private static async Task<ItemRef?> LenderItemAsync(System.Data.Common.DbConnection connection, string installation, RotaEntry? entry, Model.IblRequest r,
        CancellationToken cancellationToken)
    {
        if (entry?.HoldingId is not { } holdingId) return r.ItemBarcode is null ? null : new ItemRef(null, null, r.ItemBarcode);
        // The lender may have shipped another copy than the one held: then the barcode it gave names the copy.
        if (r.ItemBarcode is not null && entry.Barcode is not null && !string.Equals(r.ItemBarcode, entry.Barcode, StringComparison.OrdinalIgnoreCase))
            return new ItemRef(null, null, r.ItemBarcode);
        var localId = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT local_id FROM id_map WHERE installation_id = @installation AND entity = 'holding' AND canonical_id = @holdingId",
            new { installation, holdingId }, cancellationToken: cancellationToken));
        return new ItemRef(HoldingId.Parse(holdingId), localId, entry.Barcode);
    }

    private sealed class MemberAt
    {
        public string? InstallationId { get; set; }
        public string? CardNumber { get; set; }
        public string? LocalId { get; set; }
    }
}

using Lsb.Hub.Adapters.Mapping;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Members;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Adapters.Brocade.Mapping;

/// <summary>
/// The Brocade mapping tables in <c>mappings/brocade/</c>, shared by every Brocade installation and re-read when a file
/// changes. Unmapped values throw <see cref="MappingMissingException"/>; a value is NEVER guessed.
/// </summary>
internal sealed class BrocadeMappings
{
    public const string Vendor = "Brocade";

    public BrocadeMappings(IOptions<MappingOptions> options, TimeProvider time)
    {
        var o = options.Value;
        CopyStatus = CodeMapping<HoldingStatus>.Open(o, "brocade/copy-status.csv", Vendor, "copy status", time);
        LoanStatus = CodeMapping<BrocadeLoanState>.Open(o, "brocade/loan-status.csv", Vendor, "loan status", time);
        MaterialType = CodeMapping<MaterialType>.Open(o, "brocade/material-type.csv", Vendor, "material type", time);
        PatronCategory = CodeMapping<MemberCategory>.Open(o, "brocade/patron-category.csv", Vendor, "patron category", time);
        PatronStatus = CodeMapping<MemberStatus>.Open(o, "brocade/patron-status.csv", Vendor, "patron status", time);
        ScreenMessages = new MappingTable(o.ResolveRoot(), "brocade/screen-messages.csv", "canonical", ["vendor_code"], o.ReloadCheckInterval, time);
        Branches = new MappingTable(o.ResolveRoot(), "brocade/branches.csv", "isil", ["library_code", "branch_code"], o.ReloadCheckInterval, time);
    }

    public CodeMapping<HoldingStatus> CopyStatus { get; }
    public CodeMapping<BrocadeLoanState> LoanStatus { get; }
    public CodeMapping<MaterialType> MaterialType { get; }
    public CodeMapping<MemberCategory> PatronCategory { get; }
    public CodeMapping<MemberStatus> PatronStatus { get; }

    /// <summary>SIP2 screen message → <see cref="SipVerdict"/>.</summary>
    public MappingTable ScreenMessages { get; }

    /// <summary>installation, library_code, branch_code → isil.</summary>
    public MappingTable Branches { get; }

    /// <summary>What a screen message means, or null when the table does not know it (the command's default applies).</summary>
    public SipVerdict? Verdict(string installation, string? screenMessage)
        => screenMessage is not null && ScreenMessages.Find(installation, screenMessage) is { } value && Enum.TryParse<SipVerdict>(value, out var verdict)
            ? verdict : null;

    /// <summary>The ISIL of a branch, or <see cref="MappingMissingException"/> saying which line to add.</summary>
    public Isil BranchIsil(string installation, string libraryCode, string? branchCode)
    {
        var branch = branchCode ?? string.Empty;
        var value = Branches.Find(installation, libraryCode, branch);
        if (value is null)
        {
            var extra = Branches.LastLoadError is { } error ? $" ({error})" : string.Empty;
            throw new MappingMissingException(
                $"Unknown Brocade branch '{branch}' of library '{libraryCode}' for installation '{installation}': add a line " +
                $"'{installation},{libraryCode},{branch},NL-…' to {Branches.DisplayPath} and replay the message.{extra}",
                Branches.DisplayPath, branch);
        }
        return Isil.TryParse(value, out var isil, out var problem)
            ? isil
            : throw new MappingMissingException(
                $"{Branches.DisplayPath} maps Brocade branch '{branch}' of library '{libraryCode}' for installation '{installation}' to an invalid ISIL: {problem} Correct the line and replay the message.",
                Branches.DisplayPath, branch);
    }

    /// <summary>The (library, branch) codes whose branch has <paramref name="isil"/>.</summary>
    public IEnumerable<(string LibraryCode, string BranchCode)> BranchesWithIsil(string installation, Isil isil)
        => Branches.RowsFor(installation)
            .Where(r => Isil.TryParse(r.Value, out var candidate, out _) && candidate == isil)
            .Select(r => (r.Keys[0], r.Keys[1]));
}

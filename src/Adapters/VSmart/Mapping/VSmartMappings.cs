using Lsb.Hub.Adapters.Mapping;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Members;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Adapters.VSmart.Mapping;

/// <summary>
/// The V-smart mapping tables in <c>mappings/vsmart/</c>, shared by every V-smart installation and re-read when a
/// file changes. Unmapped values throw <see cref="MappingMissingException"/>; a value is NEVER guessed.
/// </summary>
internal sealed class VSmartMappings
{
    public const string Vendor = "V-smart";

    public VSmartMappings(IOptions<MappingOptions> options, TimeProvider time)
    {
        var o = options.Value;
        ItemStatus = CodeMapping<HoldingStatus>.Open(o, "vsmart/item-status.csv", Vendor, "item status", time);
        LendingPolicy = CodeMapping<VSmartLendingPolicy>.Open(o, "vsmart/lending-policy.csv", Vendor, "lending policy", time);
        LoanStatus = CodeMapping<VSmartLoanState>.Open(o, "vsmart/loan-status.csv", Vendor, "loan status", time);
        MaterialType = CodeMapping<MaterialType>.Open(o, "vsmart/material-type.csv", Vendor, "material code", time);
        PatronCategory = CodeMapping<MemberCategory>.Open(o, "vsmart/patron-category.csv", Vendor, "borrower category", time);
        PatronStatus = CodeMapping<MemberStatus>.Open(o, "vsmart/patron-status.csv", Vendor, "borrower status", time);
        Branches = new MappingTable(o.ResolveRoot(), "vsmart/branches.csv", "isil", ["library_id", "branch_code"], o.ReloadCheckInterval, time);
    }

    public CodeMapping<HoldingStatus> ItemStatus { get; }
    public CodeMapping<VSmartLendingPolicy> LendingPolicy { get; }
    public CodeMapping<VSmartLoanState> LoanStatus { get; }
    public CodeMapping<MaterialType> MaterialType { get; }
    public CodeMapping<MemberCategory> PatronCategory { get; }
    public CodeMapping<MemberStatus> PatronStatus { get; }

    /// <summary>installation, library_id, branch_code → isil.</summary>
    public MappingTable Branches { get; }

    /// <summary>The ISIL of a branch, or <see cref="MappingMissingException"/> saying which line to add.</summary>
    public Isil BranchIsil(string installation, string libraryId, string? branchCode)
    {
        var branch = branchCode ?? string.Empty;
        var value = Branches.Find(installation, libraryId, branch);
        if (value is null)
        {
            var extra = Branches.LastLoadError is { } error ? $" ({error})" : string.Empty;
            throw new MappingMissingException(
                $"Unknown V-smart branch '{branch}' of library '{libraryId}' for installation '{installation}': add a line " +
                $"'{installation},{libraryId},{branch},NL-…' to {Branches.DisplayPath} and replay the message.{extra}",
                Branches.DisplayPath, branch);
        }
        return Isil.TryParse(value, out var isil, out var problem)
            ? isil
            : throw new MappingMissingException(
                $"{Branches.DisplayPath} maps V-smart branch '{branch}' of library '{libraryId}' for installation '{installation}' to an invalid ISIL: {problem} Correct the line and replay the message.",
                Branches.DisplayPath, branch);
    }

    /// <summary>The (library id, branch code) pairs whose branch has <paramref name="isil"/>.</summary>
    public IEnumerable<(string LibraryId, string BranchCode)> BranchesWithIsil(string installation, Isil isil)
        => Branches.RowsFor(installation)
            .Where(r => Isil.TryParse(r.Value, out var candidate, out _) && candidate == isil)
            .Select(r => (r.Keys[0], r.Keys[1]));
}

using Lsb.Hub.Adapters.Mapping;
using Lsb.Hub.Canonical.Holdings;
using Lsb.Hub.Canonical.Identity;
using Lsb.Hub.Canonical.Members;
using Microsoft.Extensions.Options;

namespace Lsb.Hub.Adapters.Wise.Mapping;

/// <summary>
/// The Wise mapping tables in <c>mappings/wise/</c>, shared by every Wise installation and re-read when a file
/// changes. Unmapped values throw <see cref="MappingMissingException"/>; a value is NEVER guessed.
/// </summary>
internal sealed class WiseMappings
{
    public const string Vendor = "Wise";

    public WiseMappings(IOptions<MappingOptions> options, TimeProvider time)
    {
        var o = options.Value;
        ItemStatus = CodeMapping<HoldingStatus>.Open(o, "wise/item-status.csv", Vendor, "item status", time);
        LoanStatus = CodeMapping<WiseLoanState>.Open(o, "wise/loan-status.csv", Vendor, "loan status", time);
        MaterialType = CodeMapping<MaterialType>.Open(o, "wise/material-type.csv", Vendor, "material type", time);
        PatronCategory = CodeMapping<MemberCategory>.Open(o, "wise/patron-category.csv", Vendor, "patron category", time);
        PatronStatus = CodeMapping<MemberStatus>.Open(o, "wise/patron-status.csv", Vendor, "patron status", time);
        Branches = new MappingTable(o.ResolveRoot(), "wise/branches.csv", "isil", ["library_id", "branch_id"], o.ReloadCheckInterval, time);
    }

    public CodeMapping<HoldingStatus> ItemStatus { get; }
    public CodeMapping<WiseLoanState> LoanStatus { get; }
    public CodeMapping<MaterialType> MaterialType { get; }
    public CodeMapping<MemberCategory> PatronCategory { get; }
    public CodeMapping<MemberStatus> PatronStatus { get; }

    /// <summary>installation, library_id, branch_id → isil.</summary>
    public MappingTable Branches { get; }

    /// <summary>The ISIL of a branch, or <see cref="MappingMissingException"/> saying which line to add.</summary>
    public Isil BranchIsil(string installation, string libraryId, string? branchId)
    {
        var branch = branchId ?? string.Empty;
        var value = Branches.Find(installation, libraryId, branch);
        if (value is null)
        {
            var extra = Branches.LastLoadError is { } error ? $" ({error})" : string.Empty;
            throw new MappingMissingException(
                $"Unknown Wise branch '{branch}' of library '{libraryId}' for installation '{installation}': add a line " +
                $"'{installation},{libraryId},{branch},NL-…' to {Branches.DisplayPath} and replay the message.{extra}",
                Branches.DisplayPath, branch);
        }
        return Isil.TryParse(value, out var isil, out var problem)
            ? isil
            : throw new MappingMissingException(
                $"{Branches.DisplayPath} maps Wise branch '{branch}' of library '{libraryId}' for installation '{installation}' to an invalid ISIL: {problem} Correct the line and replay the message.",
                Branches.DisplayPath, branch);
    }

    /// <summary>The (library id, branch id) pairs whose branch has <paramref name="isil"/>.</summary>
    public IEnumerable<(string LibraryId, string BranchId)> BranchesWithIsil(string installation, Isil isil)
        => Branches.RowsFor(installation)
            .Where(r => Isil.TryParse(r.Value, out var candidate, out _) && candidate == isil)
            .Select(r => (r.Keys[0], r.Keys[1]));
}

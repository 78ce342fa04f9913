using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Canonical.Holdings;

namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>Translation with the mapping tables: unmapped values fail clearly, edits take effect without a restart.</summary>
public sealed class WiseMappingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsb-wise-mappings-").FullName;
    private readonly WiseAdapterHost _host;
    private readonly IIlsAdapter _adapter;

    public WiseMappingTests()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "mappings", "wise");
        Directory.CreateDirectory(Path.Combine(_root, "wise"));
        foreach (var file in Directory.GetFiles(shipped, "*.csv")) File.Copy(file, Path.Combine(_root, "wise", Path.GetFileName(file)));
        _host = new WiseAdapterHost(new Dictionary<string, string?> { ["Mappings:Path"] = _root, ["Mappings:ReloadCheckInterval"] = "00:00:00" });
        _adapter = _host.Factory.Create(new Canonical.Installations.InstallationDescriptor(Canonical.Identity.InstallationId.Parse("sandbox-wise"),
            Canonical.Installations.Vendor.Wise, new Uri("http://127.0.0.1:9/wise/restapi"), "sandbox-wise",
            [new Canonical.Installations.LibraryRef(Canonical.Identity.Isil.Parse("NL-0851010000"), "5101")]));
    }

    [Fact]
    public void When_a_loan_status_is_unmapped_Translate_should_name_the_installation_the_value_and_the_file()
    {
        var e = Assert.Throws<MappingMissingException>(() => _adapter.Translate(Loan("VERM")));
        Assert.Equal("Unknown Wise loan status 'VERM' for installation 'sandbox-wise': add it to mappings/wise/loan-status.csv and replay the message.", e.Message);
        Assert.Equal("mappings/wise/loan-status.csv", e.MappingFile);
        Assert.Equal("VERM", e.Value);
    }

    [Fact]
    public void When_a_branch_has_no_ISIL_Translate_should_say_which_line_to_add_to_branches_csv()
    {
        var e = Assert.Throws<MappingMissingException>(() => _adapter.Translate(Item("BOEK", "BES", branch: "519999")));
        Assert.Contains("'sandbox-wise,5101,519999,NL-…' to mappings/wise/branches.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_a_material_type_is_unmapped_Translate_should_throw_rather_than_guess()
    {
        var e = Assert.Throws<MappingMissingException>(() => _adapter.Translate(Item("VINYL", "BES")));
        Assert.Contains("material type 'VINYL'", e.Message, StringComparison.Ordinal);
        Assert.Contains("mappings/wise/material-type.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_missing_line_is_added_to_the_file_The_same_change_should_translate_without_a_restart()
    {
        var change = Loan("VERM");
        Assert.Throws<MappingMissingException>(() => _adapter.Translate(change));
        Append("loan-status.csv", "*,VERM,Returned,Vermist: lost, loan closed");
        var loan = Assert.IsType<LoanSnapshot>(_adapter.Translate(change));
        Assert.NotNull(loan.EndedAt);
    }

    [Fact]
    public void A_row_for_the_installation_should_win_over_the_row_for_all_installations()
    {
        Append("item-status.csv", "sandbox-wise,TRA,Available,This installation treats transport as available");
        var snapshot = Assert.IsType<HoldingSnapshot>(_adapter.Translate(Item("BOEK", "TRA")));
        Assert.Equal(HoldingStatus.Available, snapshot.Status);
        Assert.Equal("TRA", snapshot.RawStatus);
    }

    [Fact]
    public void A_withdrawal_mutation_should_translate_to_HoldingGone_with_the_branch_ISIL()
    {
        var gone = Assert.IsType<HoldingGone>(_adapter.Translate(Item("BOEK", "AFG", kind: "AFVOER", branch: "510102")));
        Assert.Equal("NL-0851010002", gone.Isil?.Value);
    }

    [Fact]
    public void A_malformed_payload_should_throw_IlsProtocolException_naming_the_change()
    {
        var change = new VendorChange("item", "1", "5101:item:77", 77, DateTimeOffset.UnixEpoch, "{\"mutatienummer\": 77, \"exempl", "5101");
        var e = Assert.Throws<IlsProtocolException>(() => _adapter.Translate(change));
        Assert.Contains("5101:item:77", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private void Append(string file, string line)
    {
        var path = Path.Combine(_root, "wise", file);
        File.AppendAllText(path, line + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
    }

    private static VendorChange Loan(string status) => new("loan", "9000001", "5101:loan:12", 12, DateTimeOffset.UnixEpoch, $$$"""
        {"mutatienummer":12,"mutatiedatum":"2026-11-20T12:00:00+00:00","mutatiesoort":"CORRECTIE","uitlening":{"uitleningId":"9000001","exemplaarId":"5000001",
        "patronSystemId":"100001","vestiging":"510100","uitleendatum":"2026-11-01T10:00:00+00:00","inleverdatum":"2026-11-22","verlengingen":0,"status":"{{{status}}}"}}
        """, "5101");

    private static VendorChange Item(string material, string status, string kind = "WIJZIGING", string branch = "510100") => new("item", "5000001", "5101:item:5", 5,
        DateTimeOffset.UnixEpoch, $$$"""
        {"mutatienummer":5,"mutatiedatum":"2026-11-20T12:00:00+00:00","mutatiesoort":"{{{kind}}}","exemplaar":{"exemplaarId":"5000001","exemplaarnummer":"3510100000001",
        "titelnummer":"1000001","titel":"De stille rivier","materiaalsoort":"{{{material}}}","vestiging":"{{{branch}}}","status":"{{{status}}}","iblUitleenbaar":true}}
        """, "5101");
}

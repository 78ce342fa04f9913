using System.Globalization;
using System.Security.Cryptography;
using Lsb.Hub.Adapters.Changes;
using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Canonical.Members;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>
/// The members CSV dialect of docs/vendors/brocade.md read back by the export reader: Windows-1252 without a BOM,
/// semicolons, CRLF, fields quoted only when they hold a semicolon or a quote (quotes doubled), two empty trailing columns.
/// </summary>
public sealed class ExportDialectTests
{
    private const string Header = "Mutatie;Lenersnummer;Pasnummer;Bibliotheek;Vestiging;Voornaam;Tussenvoegsel;Achternaam;Geboortedatum;Straat;Huisnummer;" +
        "Toevoeging;Postcode;Woonplaats;E-mailadres;Telefoon;Categorie;Status;Inschrijfdatum;Einddatum lidmaatschap;Toestemming klantbeeld;" +
        "Openstaand bedrag;Opmerking;;";
    private const string Street = "Brink; ingang \"De Kroon\"";
    private const string QuotedStreet = "\"Brink; ingang \"\"De Kroon\"\"\"";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_a_member_row_is_written_by_hand_in_Windows_1252_with_a_quoted_semicolon_Every_column_should_be_read_into_its_own_value()
    {
        var (simulator, host, adapter, cursor) = await ExportReaderTests.StartEmptyAtTheEndAsync();
        await using var _ = simulator;
        using var __ = host;
        var row = $"N;900001;2085300900001;DRB;DRB01;Zoë;van;Brüggemann;03-04-1987;{QuotedStreet};12;a;7201 AB;Eernewâld;zoe@example.nl;;V;A;" +
            "01-12-2026;30-11-2027;J;2,50;\"Bel eerst; na 18:00\";;";
        WriteMembersDelta(simulator.Installation.ExportFolder, Windows1252.Encoding.GetBytes(Header + "\r\n" + row + "\r\n"), records: 1);

        var member = await ReadSingleMemberAsync(adapter, cursor);
        Assert.Equal(("900001", "2085300900001", "NL-0853010000"), (member.LocalId, member.CardNumber, member.HomeIsil.Value));
        Assert.Equal(("Zoë", "van Brüggemann", new DateOnly(1987, 4, 3)), (member.GivenName, member.FamilyName, member.BirthDate));
        Assert.Equal(new PostalAddress(Street, "12a", "7201 AB", "Eernewâld"), member.Address);
        Assert.Equal("zoe@example.nl", member.Email);
        Assert.Equal((MemberCategory.Adult, MemberStatus.Active), (member.Category, member.Status));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2027, 11, 30), true), (member.RegisteredOn, member.ExpiresOn, member.ConsentIntegralView));
    }

    [Fact]
    public async Task When_the_simulator_exports_a_member_with_accents_and_a_semicolon_in_a_field_The_file_should_be_in_the_dialect_and_read_back_unchanged()
    {
        var (simulator, host, adapter, cursor) = await ExportReaderTests.StartEmptyAtTheEndAsync();
        await using var _ = simulator;
        using var __ = host;
        var added = simulator.Control.AddMember(new MemberDraft { LibraryCode = "DRB", GivenName = "Zoë", FamilyName = "Brüggemann", Note = "Bel eerst; na 18:00" });
        simulator.Control.UpdateMember(added.MemberNumber, new MemberUpdate { Street = Street, City = "Eernewâld", Email = "zoe@example.nl" });
        var run = simulator.Control.ExportNow(ExportKind.Delta);

        var bytes = await File.ReadAllBytesAsync(run.Files.Single(f => Path.GetFileName(f).StartsWith("LEDEN_", StringComparison.Ordinal)), Cancel);
        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "The members export is Windows-1252 without a BOM.");
        Assert.True(bytes.AsSpan().IndexOf(Windows1252.Encoding.GetBytes(";Zoë;")) >= 0, "'Zoë' is written in Windows-1252 (ë = 0xEB).");
        Assert.True(bytes.AsSpan().IndexOf(Windows1252.Encoding.GetBytes($";{QuotedStreet};")) >= 0, "A value with a semicolon and quotes is quoted, quotes doubled.");
        Assert.True(bytes.AsSpan().IndexOf(Windows1252.Encoding.GetBytes(";\"Bel eerst; na 18:00\";;\r\n")) >= 0, "Each row ends in two empty columns and CRLF.");

        var member = await ReadSingleMemberAsync(adapter, cursor);
        Assert.Equal((added.MemberNumber, "Zoë", "Brüggemann"), (member.LocalId, member.GivenName, member.FamilyName));
        Assert.Equal((Street, "Eernewâld"), (member.Address?.Street, member.Address?.City));
        Assert.Equal("zoe@example.nl", member.Email);
    }

    private static async Task<MemberSnapshot> ReadSingleMemberAsync(IIlsAdapter adapter, string? cursor)
    {
        var (changes, _) = await ChangeFeed.ReadToEndAsync(adapter, cursor, 1000, Cancel);
        return Assert.IsType<MemberSnapshot>(adapter.Translate(Assert.Single(changes, c => c.Feed == Exports.BrocadeFeeds.Members)));
    }

    /// <summary>Writes a members delta and its completion marker (unsigned), as docs/vendors/brocade.md describes them.</summary>
    private static void WriteMembersDelta(string folder, byte[] data, int records)
    {
        var createdAt = DateTimeOffset.UtcNow.AddMinutes(1);
        var name = string.Create(CultureInfo.InvariantCulture, $"LEDEN_DELTA_{createdAt:yyyyMMdd_HHmmss}_{990001:D6}.csv");
        File.WriteAllBytes(Path.Combine(folder, name), data);
        var marker = string.Create(CultureInfo.InvariantCulture,
            $"bestand={name}\ngegevens=LEDEN\nsoort=DELTA\nexportnummer=990001\naangemaakt={createdAt:O}\nrecords={records}\nbytes={data.Length}\n" +
            $"sha256={Convert.ToHexStringLower(SHA256.HashData(data))}\ntekenset=windows-1252\n");
        File.WriteAllText(Path.Combine(folder, name + ".gereed"), marker);
    }
}

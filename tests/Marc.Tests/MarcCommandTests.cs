using Lsb.Hub.Marc.Cli;
using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>The <c>marc dump</c> command the hub CLI exposes, called the way the CLI calls it.</summary>
public sealed class MarcCommandTests
{
    [Fact]
    public void When_a_good_file_is_dumped_Should_print_yaz_line_format_and_exit_0()
    {
        var file = Path.Combine(Corpus.Marc, "bib/pymarc__marc.dat");

        var (code, stdout, stderr) = Run("dump", file);

        Assert.Equal(MarcCommand.ExitOk, code);
        Assert.Equal(File.ReadAllText(Path.Combine(Corpus.Marc, "bib/expected/pymarc__marc.dat.txt")), stdout);
        Assert.Contains("20 record(s) read", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void When_a_file_is_dumped_as_xml_Should_write_schema_valid_marcxml_with_a_unicode_leader()
    {
        var (code, stdout, _) = Run("dump", Path.Combine(Corpus.Marc, "bib/marc4j__selectedRecs.mrc"), "--xml");

        Assert.Equal(MarcCommand.ExitOk, code);
        var records = MarcXmlReader.ReadAll(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdout))).ToList();
        Assert.Equal(11, records.Count);
        Assert.All(records, r => Assert.Equal(MarcCharacterCoding.Unicode, r.Leader.CharacterCoding));
        MarcXmlTests.AssertValid(System.Text.Encoding.UTF8.GetBytes(stdout));
    }

    [Fact]
    public void When_a_broken_file_is_dumped_strictly_Should_exit_1_naming_record_and_offset()
    {
        var (code, stdout, stderr) = Run("dump", Path.Combine(Corpus.Marc, "broken/marc-perl__badldr.usmarc"));

        Assert.Equal(MarcCommand.ExitError, code);
        Assert.Contains("MARC record 3 at byte offset 472", stderr, StringComparison.Ordinal);
        Assert.Equal(2, stdout.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void When_a_broken_file_is_dumped_leniently_Should_print_every_recovered_record_and_report_problems_on_stderr()
    {
        var (code, stdout, stderr) = Run("dump", Path.Combine(Corpus.Marc, "broken/pymarc__bad_records.mrc"), "--lenient");

        Assert.Equal(MarcCommand.ExitOk, code);
        Assert.Equal(8, stdout.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("BadBaseAddress: record 2 at byte 139", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void When_marcxml_is_dumped_Should_detect_the_format_and_print_lines()
    {
        var (code, stdout, _) = Run("dump", Path.Combine(Corpus.Marc, "xml/marc4j__summerland-record.xml"));

        Assert.Equal(MarcCommand.ExitOk, code);
        Assert.StartsWith("00714cam a2200205 a 4500\n001 12883376\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void When_a_legacy_charset_is_named_Should_decode_with_it()
    {
        var (code, stdout, _) = Run("dump", Path.Combine(Corpus.Marc, "encoding/pymarc__1251_cp1251.dat"), "--charset", "windows-1251");

        Assert.Equal(MarcCommand.ExitOk, code);
        Assert.Contains(stdout, c => c is >= '\u0410' and <= '\u044F');
    }

    [Theory]
    [InlineData(new string[0], 1)]
    [InlineData(new[] { "--help" }, 0)]
    [InlineData(new[] { "dump" }, 1)]
    [InlineData(new[] { "dump", "/no/such/file.mrc" }, 1)]
    [InlineData(new[] { "dump", "a.mrc", "--bogus" }, 1)]
    [InlineData(new[] { "dump", "a.mrc", "--charset", "klingon" }, 1)]
    [InlineData(new[] { "convert", "a.mrc" }, 1)]
    public void When_arguments_are_wrong_or_help_is_asked_Should_print_usage_and_exit_with_the_documented_code(string[] args, int expected)
    {
        var (code, stdout, stderr) = Run(args);

        Assert.Equal(expected, code);
        Assert.Contains("marc dump", expected == 0 ? stdout : stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = MarcCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

using System.Text;
using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>MARC-8 decoding against the gold string pairs and hand-checked cases from the LC code tables.</summary>
public sealed class Marc8Tests
{
    [Fact]
    public void When_the_pymarc_marc8_lines_are_decoded_Should_equal_their_utf8_twins()
    {
        var marc8 = File.ReadAllBytes(Path.Combine(Corpus.Marc, "gold/pymarc/test_marc8.txt")).AsSpan();
        var utf8 = File.ReadAllText(Path.Combine(Corpus.Marc, "gold/pymarc/test_utf8.txt"), Encoding.UTF8).Split('\n');
        var failures = new List<string>();
        var line = 0;
        while (!marc8.IsEmpty)
        {
            var end = marc8.IndexOf((byte)'\n');
            var bytes = end < 0 ? marc8 : marc8[..end];
            marc8 = end < 0 ? [] : marc8[(end + 1)..];
            var decoded = Marc8Decoder.Decode(bytes, out var problems);
            if (line == 1514)
            {
                // The last pair uses EACC codes that are not in the LC table (21203D, 7F2014, ...), a pymarc extension:
                // the hub follows LC and reports them as unmapped.
                Assert.True(problems.HasFlag(Marc8Problems.UnmappedCharacter));
            }
            else if (problems != Marc8Problems.None || decoded.Normalize(NormalizationForm.FormC) != utf8[line].Normalize(NormalizationForm.FormC))
            {
                failures.Add($"line {line + 1} ({problems}): got '{decoded}', expected '{utf8[line]}'");
            }

            line++;
        }

        Assert.True(line >= 1515, $"only {line} lines");
        Assert.True(failures.Count == 0, $"{failures.Count} of {line} lines differ:\n{string.Join('\n', failures.Take(10))}");
    }

    [Theory]
    [InlineData("\u00e2e", "\u00e9")]
    [InlineData("\u00e8\u00e2a", "a\u0308\u0301")] // two marks on one letter, kept in MARC-8 order after it
    [InlineData("\u00a1", "\u0141")] // ANSEL A1 = Ł
    [InlineData("\u001b(N\u0041\u0042\u001b(B", "\u0430\u0431")] // Cyrillic G0
    [InlineData("\u001bs\u001b(3\u0047\u001b(B", "\u0627")] // Arabic G0 (alif)
    [InlineData("\u001bgab\u001bs", "\u03b1\u03b2")] // Greek symbols short escape
    [InlineData("H\u001bb2\u001bsO", "H\u2082O")] // subscripts
    [InlineData("x\u001bp2\u001bs", "x\u00b2")] // superscripts
    [InlineData("\u001b$1\u0021\u0030\u0021\u001b(B", "\u4e00")] // EACC 213021
    [InlineData("caf&#x00E9; &#x1F4DA;", "caf\u00e9 \U0001F4DA")] // NCR (LC lossless conversion)
    [InlineData("plain ASCII", "plain ASCII")]
    public void When_a_marc8_string_is_decoded_Should_give_nfc_unicode(string latin1Bytes, string expected)
    {
        var decoded = Marc8Decoder.Decode(Encoding.Latin1.GetBytes(latin1Bytes), out var problems);

        Assert.Equal(Marc8Problems.None, problems);
        Assert.Equal(expected.Normalize(NormalizationForm.FormC), decoded);
    }

    [Theory]
    [InlineData("a\u001b(Zb", Marc8Problems.BadEscape, "ab")]
    [InlineData("a\u001b$", Marc8Problems.BadEscape, "a")]
    [InlineData("\u001b$1\u0021\u0030", Marc8Problems.UnmappedCharacter, "")]
    [InlineData("x\u00e2", Marc8Problems.DanglingCombiningMark, "x\u0301")]
    public void When_marc8_is_damaged_Should_report_the_problem_and_keep_the_rest(string latin1Bytes, Marc8Problems expectedProblem, string expected)
    {
        var decoded = Marc8Decoder.Decode(Encoding.Latin1.GetBytes(latin1Bytes), out var problems);

        Assert.True(problems.HasFlag(expectedProblem), problems.ToString());
        Assert.Equal(expected, decoded);
    }

    [Fact]
    public void When_the_farsi_marc8_text_is_decoded_Should_be_arabic_script_without_problems()
    {
        var lines = File.ReadAllBytes(Path.Combine(Corpus.Marc, "encoding/marc-perl__charset_farsi.marc")).AsSpan();
        var decodedLines = 0;
        foreach (var range in lines.Split((byte)'\n'))
        {
            var line = lines[range];
            if (line.IsEmpty)
            {
                continue;
            }

            var text = Marc8Decoder.Decode(line, out var problems);
            Assert.Equal(Marc8Problems.None, problems);
            Assert.Contains(text, c => c is >= '\u0600' and <= '\u06FF');
            decodedLines++;
        }

        Assert.True(decodedLines >= 5);
    }
}

using System.Text;

namespace Lsb.Hub.Marc.Tests.Support;

/// <summary>
/// The character set each expected/ dump was made with (corpus README, "Reference dumps"), as reader options, so our
/// reading is compared with yaz's reading of the same bytes.
/// </summary>
internal static class CorpusCharsets
{
    static CorpusCharsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static MarcCharacterSet For(string relative)
    {
        var name = Path.GetFileName(relative);
        if (name == "pymarc__1251_cp1251.dat")
        {
            return MarcCharacterSet.Legacy(Encoding.GetEncoding(1251));
        }

        if (name == "ruby-marc__cp866_unimarc.marc")
        {
            return MarcCharacterSet.Legacy(Encoding.GetEncoding(866));
        }

        if (name.StartsWith("marcjs__", StringComparison.Ordinal) || name == "pymarc__testunimarc.dat" || relative.StartsWith("gold/marcjs/", StringComparison.Ordinal))
        {
            return MarcCharacterSet.Utf8;
        }

        if (name == "ruby-marc__marc8_accented_chars.marc")
        {
            return MarcCharacterSet.Marc8;
        }

        if (relative.StartsWith("gold/yaz/marc", StringComparison.Ordinal) && relative.EndsWith(".marc", StringComparison.Ordinal) && !relative.Contains(".u8.", StringComparison.Ordinal) && !relative.EndsWith(".xml.marc", StringComparison.Ordinal))
        {
            var chr = File.ReadAllText(Path.Combine(Corpus.Marc, Path.ChangeExtension(relative, ".chr"))).Trim();
            return chr switch
            {
                "iso-8859-1" => MarcCharacterSet.Legacy(Encoding.Latin1),
                "utf-8" => MarcCharacterSet.Utf8,
                "marc-8" => MarcCharacterSet.FromLeader,
                _ => MarcCharacterSet.Legacy(Encoding.Latin1),
            };
        }

        // Majority rule: yaz -f utf-8 reads every record as UTF-8; -f marc8 follows leader/09 like our default.
        var bytes = File.ReadAllBytes(Path.Combine(Corpus.Marc, relative));
        int utf8 = 0, other = 0;
        foreach (var record in Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient))
        {
            if (record.Leader[9] == 'a')
            {
                utf8++;
            }
            else
            {
                other++;
            }
        }

        return utf8 > other ? MarcCharacterSet.Utf8 : MarcCharacterSet.FromLeader;
    }
}

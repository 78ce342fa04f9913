using System.Text;
using CsCheck;
using Lsb.Hub.Marc.Tests.Support;

namespace Lsb.Hub.Marc.Tests;

/// <summary>
/// Byte-mutation fuzzing over corpus records (bounded: LSB_FUZZ_SECONDS, default 24 s in total): whatever the bytes,
/// the readers NEVER throw anything but MarcFormatException (strict), NEVER throw at all (lenient), and NEVER hang.
/// </summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    private static readonly Lazy<byte[][]> IsoSeeds = new(() =>
    [
        .. new[]
        {
            "broken/pymarc__bad_records.mrc", "bib/marc4j__selectedRecs.mrc", "encoding/marc4j__brkrtest.mrc", "gold/yaz/marc12.marc",
            "holdings/folio-it__marcHoldings.mrc", "broken/marc-perl__cameleof.usmarc", "encoding/marc4j__chinese_mangled_multibyte.mrc",
            "bib/pymarc__alphatag.dat", "encoding/folio-mt__test-880.mrc", "broken/pymarc__bad_marc8_escape.dat",
        }.Select(f => File.ReadAllBytes(Path.Combine(Corpus.Marc, f))),
    ]);

    private static readonly Lazy<byte[][]> XmlSeeds = new(() =>
    [
        .. new[] { "xml/marc4j__sample1a.xml", "xml/ruby-marc__non-numeric.xml", "gold/marc4j/chabon.xml", "xml/marc-perl__batch-ns.xml" }
            .Select(f => File.ReadAllBytes(Path.Combine(Corpus.Marc, f))),
    ]);

    private static double Seconds => double.TryParse(Environment.GetEnvironmentVariable("LSB_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 24;

    [Fact]
    public void When_iso2709_corpus_records_are_mutated_at_random_Should_only_ever_raise_MarcFormatException()
    {
        Mutated(IsoSeeds.Value, Iso2709Mutations).Sample(ReadIso, time: (int)(Seconds * 0.7), threads: 2);
    }

    private static void ReadIso(byte[] bytes)
    {
            Within(HangLimit, () =>
            {
                var lenient = Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient with { MaxRecordBytes = 200_000 }).ToList();
                foreach (var record in lenient)
                {
                    _ = MarcLineWriter.ToText(record, includeDiagnostics: true);
                    _ = MarcXmlWriter.ToXml(record);
                }

                try
                {
                    Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Strict).ToList();
                }
                catch (MarcFormatException)
                {
                    // the one documented exception type
                }
            });
    }

    [Fact]
    public void When_marcxml_corpus_files_are_mutated_at_random_Should_only_ever_raise_MarcFormatException()
    {
        Mutated(XmlSeeds.Value, XmlMutations).Sample(ReadXml, time: (int)(Seconds * 0.3), threads: 2);
    }

    private static void ReadXml(byte[] bytes)
    {
            Within(HangLimit, () =>
            {
                MarcXmlReader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient).ToList();
                try
                {
                    MarcXmlReader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Strict).ToList();
                }
                catch (MarcFormatException)
                {
                    // the one documented exception type
                }
            });
    }

    [Fact]
    public void When_records_are_mutated_Should_most_come_out_damaged_so_the_fuzzer_has_something_to_find()
    {
        // Guards the fuzzer itself: mutations MUST produce damaged input, or the fuzz tests above prove nothing.
        var damaged = 0;
        Mutated(IsoSeeds.Value, Iso2709Mutations).Sample((Action<byte[]>)(bytes =>
        {
            if (Iso2709Reader.ReadAll(new MemoryStream(bytes), MarcReaderOptions.Lenient).Any(r => r.Diagnostics.Count > 0))
            {
                Interlocked.Increment(ref damaged);
            }
        }), iter: 200, threads: 1);

        Assert.True(damaged > 50, $"only {damaged} of 200 mutated inputs were damaged");
    }

    private static readonly byte[] Interesting = [0x1D, 0x1E, 0x1F, 0x1B, (byte)'$', (byte)'(', (byte)')', (byte)'1', (byte)'0', (byte)'9', 0x00, 0x1A, 0xE2, 0xC3, 0xFF, 0x80, (byte)'&', (byte)'#', (byte)'x', (byte)';'];

    private static readonly Gen<Func<byte[], Random, byte[]>> Iso2709Mutations = Gen.Int[0, 6].Select(kind => (Func<byte[], Random, byte[]>)((input, random) => Mutate(input, random, kind, Interesting)));

    private static readonly byte[] XmlInteresting = Encoding.UTF8.GetBytes("<>&\"'/=!?;#x\u0001 abc\u00e9");

    private static readonly Gen<Func<byte[], Random, byte[]>> XmlMutations = Gen.Int[0, 6].Select(kind => (Func<byte[], Random, byte[]>)((input, random) => Mutate(input, random, kind, XmlInteresting)));

    private static Gen<byte[]> Mutated(byte[][] seeds, Gen<Func<byte[], Random, byte[]>> mutation)
        => Gen.Select(Gen.Int[0, seeds.Length - 1], mutation.Array[1, 8], Gen.Int, (seed, steps, salt) =>
        {
            var random = new Random(salt);
            var bytes = seeds[seed];
            foreach (var step in steps)
            {
                bytes = step(bytes, random);
            }

            return bytes;
        });

    private static byte[] Mutate(byte[] input, Random random, int kind, byte[] interesting)
    {
        if (input.Length == 0)
        {
            return interesting[..1];
        }

        var at = random.Next(input.Length);
        var list = new List<byte>(input);
        switch (kind)
        {
            case 0: // flip a bit
                list[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // overwrite with a structural or encoding byte
                list[at] = interesting[random.Next(interesting.Length)];
                break;
            case 2: // insert
                list.InsertRange(at, Enumerable.Range(0, random.Next(1, 4)).Select(_ => interesting[random.Next(interesting.Length)]));
                break;
            case 3: // delete a run
                list.RemoveRange(at, Math.Min(random.Next(1, 40), list.Count - at));
                break;
            case 4: // truncate
                list.RemoveRange(at, list.Count - at);
                break;
            case 5: // duplicate a run
                list.InsertRange(at, input.AsSpan(random.Next(input.Length)).ToArray().Take(random.Next(1, 200)));
                break;
            default: // overwrite a digit of a leader or directory with another digit
                var digit = input.AsSpan().IndexOfAnyInRange((byte)'0', (byte)'9');
                var target = digit < 0 ? at : Math.Min(input.Length - 1, digit + random.Next(0, 300));
                list[target] = (byte)('0' + random.Next(10));
                break;
        }

        return [.. list];
    }

    private static void Within(TimeSpan limit, Action action)
    {
        var task = Task.Run(action);
        if (!task.Wait(limit))
        {
            throw new TimeoutException($"the reader did not finish within {limit.TotalSeconds} s: a hang");
        }

        task.GetAwaiter().GetResult();
    }
}

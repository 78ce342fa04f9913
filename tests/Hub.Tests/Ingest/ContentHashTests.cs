using Lsb.Hub.Storage;

namespace Lsb.Hub.Tests.Ingest;

/// <summary>
/// Every state row stores its <see cref="ContentHash"/>, and ingest compares a snapshot's hash with the stored one to
/// see that nothing changed. The values must therefore never change between versions of the hub: a different hash for
/// the same content would make every entity look changed once after an upgrade. The expected values were computed by
/// the first implementation (FNV-1a over UTF-16 code units, low byte first, 0x1F after each field, 0xFF 0xFE for null).
/// </summary>
public sealed class ContentHashTests
{
    [Fact]
    public void When_fields_are_hashed_Should_give_the_values_stored_by_every_earlier_version()
    {
        var hash = new ContentHash();
        hash.Add("NL-0851010000");
        hash.Add(null);
        hash.Add("");
        hash.Add("Het diner — Herman Koch");
        hash.Add("\u00e9\u20ac");
        Assert.Equal(839106652268393657L, hash.Value);

        var one = new ContentHash();
        one.Add("a");
        Assert.Equal(-1886148318331458175L, one.Value);
        Assert.Equal(-3750763034362895579L, new ContentHash().Value);
    }

    [Fact]
    public void When_a_field_is_null_or_empty_or_moves_to_the_next_field_Should_hash_differently()
    {
        static long Of(params string?[] fields)
        {
            var hash = new ContentHash();
            foreach (var field in fields) hash.Add(field);
            return hash.Value;
        }
        Assert.NotEqual(Of(null, "x"), Of("", "x"));
        Assert.NotEqual(Of("ab", "c"), Of("a", "bc"));
    }
}

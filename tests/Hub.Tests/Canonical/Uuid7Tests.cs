using Lsb.Hub.Canonical.Identity;

namespace Lsb.Hub.Tests.Canonical;

/// <summary><see cref="Uuid7"/> makes RFC 9562 version-7 UUIDs, as <see cref="Guid.CreateVersion7()"/> does.</summary>
public sealed class Uuid7Tests
{
    [Fact]
    public void When_a_uuid_is_made_for_a_time_Should_carry_version_7_the_RFC_variant_and_that_millisecond()
    {
        var time = new DateTimeOffset(2026, 11, 29, 22, 30, 15, 123, TimeSpan.Zero);
        var uuid = Uuid7.At(time);

        Assert.Equal(7, uuid.Version);
        Assert.InRange(uuid.Variant, 0x8, 0xB); // the variant bits 10xx (the nibble's two low bits are random)
        Assert.Equal(time.ToUnixTimeMilliseconds(), Convert.ToInt64(uuid.ToString("N")[..12], 16));
        Assert.Equal(Guid.CreateVersion7(time).ToString("N")[..12], uuid.ToString("N")[..12]);
    }

    [Fact]
    public void When_many_are_made_on_several_threads_Should_all_differ_in_their_random_bits()
    {
        var time = DateTimeOffset.UtcNow;
        var made = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        // More than one buffer per thread (1 KiB = 102 ids), on four threads at once, all in one millisecond.
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 1_000; i++) made.Add(Uuid7.At(time));
        });
        Assert.Equal(4_000, made.Distinct().Count());
    }

    [Fact]
    public void When_the_time_is_before_1970_Should_be_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => Uuid7.At(new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero)));
}

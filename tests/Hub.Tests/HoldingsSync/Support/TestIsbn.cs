namespace Lsb.Hub.Tests.HoldingsSync.Support;

/// <summary>Valid, unique ISBN-13s (979-prefix range, so they never collide with the simulators' 978-90 ones).</summary>
public static class TestIsbn
{
    private static long _next = Random.Shared.NextInt64(100_000_000, 800_000_000);

    public static string Next()
    {
        var twelve = "979" + Interlocked.Increment(ref _next).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return twelve + (char)('0' + ((10 - (sum % 10)) % 10));
    }
}

using System.Globalization;

namespace Lsb.Hub.Ibl;

/// <summary>
/// The clock of the interlibrary-loan process: request times, history, due dates and timers. Its own type (not the
/// hub's <see cref="TimeProvider"/>) so tests can move it with a fake clock without moving the bus's or ingest's time.
/// </summary>
public sealed class IblClock
{
    /// <summary>A given clock: the hub's <see cref="TimeProvider"/>, or in tests a <c>FakeTimeProvider</c>.</summary>
    public IblClock(TimeProvider time) => Time = time;

    /// <summary>The underlying time provider.</summary>
    public TimeProvider Time { get; }

    /// <summary>Now, in UTC.</summary>
    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>A time as the IBL tables store it (ISO 8601 UTC, round-trip).</summary>
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A stored time.</summary>
    public static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>A stored time, or null.</summary>
    public static DateTimeOffset? ParseOrNull(string? value) => value is null ? null : Parse(value);
}

using Lsb.Hub.HoldingsSync;
using Lsb.Hub.HoldingsSync.Scheduling;

namespace Lsb.Hub.Tests.HoldingsSync;

public sealed class CutScheduleTests
{
    private static readonly CutSchedule Daily = new(new HoldingsSyncScheduleOptions());

    [Fact]
    public void When_it_is_late_morning_in_Amsterdam_Should_cut_next_at_two_the_next_night()
        => Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), Daily.NextCut(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void When_it_is_just_after_midnight_Should_cut_at_two_the_same_night()
        => Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), Daily.NextCut(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void When_summer_time_is_in_force_Should_still_cut_at_two_local_time()
        => Assert.Equal(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero), Daily.NextCut(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void When_the_cut_is_exactly_now_Should_give_the_next_one()
        => Assert.Equal(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero), Daily.NextCut(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void When_the_interval_is_shorter_than_a_day_Should_cut_on_the_grid_aligned_on_the_cut_off()
    {
        var schedule = new CutSchedule(new HoldingsSyncScheduleOptions { Interval = TimeSpan.FromMinutes(30) });
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 30, 0, TimeSpan.Zero), schedule.NextCut(new DateTimeOffset(2026, 12, 1, 10, 7, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void When_a_cut_happens_after_midnight_UTC_but_before_in_Amsterdam_Should_belong_to_the_Amsterdam_day()
    {
        Assert.Equal("2026-12-02", Daily.BusinessDay(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2026-12-01", Daily.BusinessDay(new DateTimeOffset(2026, 12, 1, 22, 30, 0, TimeSpan.Zero)));
    }
}

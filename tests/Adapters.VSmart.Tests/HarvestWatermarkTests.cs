using Lsb.Hub.Adapters.VSmart.Reading;

namespace Lsb.Hub.Adapters.VSmart.Tests;

/// <summary>Where the next harvest starts (HarvestRun.Completed): never past a record that could still change unseen, and
/// a second that is fully seen is not read again.</summary>
public sealed class HarvestWatermarkTests
{
    [Fact]
    public void When_records_changed_after_the_harvest_began_The_next_harvest_should_start_at_the_harvest_start()
    {
        var run = new HarvestRun { From = "2026-11-29T10:00:00Z", Started = "2026-11-29T10:00:05Z", Newest = "2026-11-29T10:00:09Z", AtNewest = ["a@1"] };
        Assert.Equal(new HarvestPosition { From = "2026-11-29T10:00:05Z" }, run.Completed());
    }

    [Fact]
    public void When_the_newest_record_is_newer_than_the_watermark_The_next_harvest_should_start_there_and_skip_what_it_emitted()
    {
        var run = new HarvestRun { From = "2026-11-29T10:00:00Z", Started = "2026-11-29T10:00:09Z", Newest = "2026-11-29T10:00:07Z", AtNewest = ["a@1", "b@2"] };
        var next = run.Completed();
        Assert.Equal(("2026-11-29T10:00:07Z", (long?)null), (next.From, next.SkipUpTo));
        Assert.Equal(["a@1", "b@2"], next.Skip!);
    }

    [Fact]
    public void When_too_many_records_share_the_newest_second_The_next_harvest_should_skip_them_by_version()
    {
        var run = new HarvestRun { Started = "2026-11-29T10:00:09Z", Newest = "2026-11-29T10:00:07Z", AtNewest = null, NewestVersion = 812 };
        Assert.Equal(new HarvestPosition { From = "2026-11-29T10:00:07Z", SkipUpTo = 812 }, run.Completed());
    }

    [Fact]
    public void When_a_harvest_found_nothing_newer_than_its_watermark_and_began_after_that_second_The_watermark_should_move_one_second_on()
    {
        var run = new HarvestRun { From = "2026-11-29T10:00:07Z", Skip = ["a@1"], Started = "2026-11-29T10:00:09Z", Newest = "2026-11-29T10:00:07Z", AtNewest = ["a@1"] };
        Assert.Equal(new HarvestPosition { From = "2026-11-29T10:00:08Z" }, run.Completed());
    }

    [Fact]
    public void When_a_harvest_began_within_its_watermarks_second_The_watermark_should_stay_with_its_skip_list()
    {
        var run = new HarvestRun { From = "2026-11-29T10:00:07Z", Skip = ["a@1"], Started = "2026-11-29T10:00:07Z", Newest = "2026-11-29T10:00:07Z", AtNewest = ["a@1", "b@3"] };
        var next = run.Completed();
        Assert.Equal("2026-11-29T10:00:07Z", next.From);
        Assert.Equal(["a@1", "b@3"], next.Skip!);
    }

    [Fact]
    public void When_a_harvest_took_nothing_The_watermark_should_not_move()
    {
        var run = new HarvestRun { From = "2026-11-29T10:00:07Z", Skip = ["a@1"], Started = "2026-11-29T10:00:30Z" };
        Assert.Equal(("2026-11-29T10:00:07Z", "a@1"), (run.Completed().From, run.Completed().Skip!.Single()));
    }
}

using Lsb.Hub.Adapters.Mapping;

namespace Lsb.Hub.Adapters.Wise.Tests;

/// <summary>
/// A code the table does not know makes it look at its file again at once, whatever the check interval: the replay an
/// administrator starts right after adding the line finds it (on every node), instead of failing again until the
/// next scheduled check.
/// </summary>
public sealed class MappingTableReloadTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lsb-mapping-reload-").FullName;

    [Fact]
    public void When_a_line_is_added_A_miss_should_find_it_at_once_even_inside_the_check_interval()
    {
        var file = Path.Combine(_root, "loan-status.csv");
        File.WriteAllText(file, "installation,code,status\n*,UIT,Active\n");
        var table = new MappingTable(_root, "loan-status.csv", "status", ["code"], TimeSpan.FromHours(1));
        Assert.Equal("Active", table.Find("sandbox-wise", "UIT"));
        Assert.Null(table.Find("sandbox-wise", "UITZ"));

        File.AppendAllText(file, "*,UITZ,Active\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(1));

        Assert.Equal("Active", table.Find("sandbox-wise", "UITZ"));
    }

    [Fact]
    public void When_a_known_code_is_looked_up_The_file_should_not_be_read_again_inside_the_check_interval()
    {
        var file = Path.Combine(_root, "loan-status.csv");
        File.WriteAllText(file, "installation,code,status\n*,UIT,Active\n");
        var table = new MappingTable(_root, "loan-status.csv", "status", ["code"], TimeSpan.FromHours(1));
        Assert.Equal("Active", table.Find("sandbox-wise", "UIT"));

        File.WriteAllText(file, "installation,code,status\n*,UIT,Returned\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(1));

        Assert.Equal("Active", table.Find("sandbox-wise", "UIT"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

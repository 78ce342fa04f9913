using Microsoft.AspNetCore.Builder;

namespace Lsb.Hub.Simulators.Common;

/// <summary>The web host every HTTP simulator starts on.</summary>
public static class SimulatorWebHost
{
    /// <summary>
    /// A slim ASP.NET Core builder rooted in the application's own folder, with configuration files not watched. The
    /// default content root is the working directory, watched recursively for changed settings: started from a
    /// repository (the sandbox, the tests, the benchmarks) that is thousands of folders, and every write of the hub's
    /// SQLite files below it woke the watcher thread (about 5 % of the CPU of the ingest benchmark).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder()
        => WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
}

namespace Lsb.Hub;

/// <summary>
/// The <c>lsb-hub</c> command line: <c>serve</c> (default) runs the hub; <c>sandbox</c> runs it on the embedded
/// default with vendor simulators; <c>marc</c> reads MARC files; <c>failed</c> administers failed messages.
/// </summary>
public static class HubCommandLine
{
    /// <summary>Runs the command in <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        switch (command)
        {
            case "serve":
                var app = HubApplication.Build(rest);
                await app.StartAsync();
                foreach (var address in app.Urls) Console.WriteLine($"lsb-hub listening on: {address}");
                await app.WaitForShutdownAsync();
                return 0;
            case "marc":
                return Marc.Cli.MarcCommand.Run(rest, Console.Out, Console.Error);
            case "sandbox":
                return await Sandbox.SandboxCommand.RunAsync(rest);
            case "failed":
                return await FailedMessages.Cli.FailedCommand.RunAsync(rest);
            case "help" or "--help" or "-h":
                PrintHelp();
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{command}'.");
                PrintHelp();
                return 2;
        }
    }

    private static void PrintHelp()
    {
        Console.WriteLine("""
            lsb-hub — the LSB Hub (national integration hub for Dutch public library systems)

            Commands:
              serve                 run the hub (default); configuration from appsettings.json, environment, --Key=Value
              sandbox               run the hub on the embedded default with vendor simulators and sandbox API keys
              marc dump FILE        print a MARC file like yaz-marcdump (--xml for MARCXML, --lenient to recover,
                                    --charset leader|utf-8|marc-8|CODEPAGE)
              failed ...            administer failed messages through the hub's HTTP API

            ASP.NET Core's --urls is honoured, e.g. --urls http://127.0.0.1:5080
            """);
    }
}

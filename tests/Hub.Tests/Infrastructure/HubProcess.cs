using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>
/// A hub node as its own operating-system process (<c>dotnet lsb-hub.dll serve</c>), configured through environment
/// variables the way an operator would, so a test can kill it with SIGKILL mid-work.
/// </summary>
public sealed partial class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();


    private HubProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }
    public Uri? BaseAddress { get; private set; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the node wrote (for failure messages).</summary>
    public string Tail(int lines = 40) => string.Join('\n', _output.TakeLast(lines));

    public static async Task<HubProcess> StartAsync(string name, IDictionary<string, string?> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "lsb-hub.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "serve", "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the hub process.");
        var node = new HubProcess(process, name);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            node._output.Enqueue(e.Data);
            while (node._output.Count > 400 && node._output.TryDequeue(out var _)) { }
            var match = ListeningPattern().Match(e.Data);
            if (match.Success) listening.TrySetResult(new Uri(match.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) node._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ready = await Task.WhenAny(listening.Task, Task.Delay(TimeSpan.FromSeconds(90)));
        if (ready != listening.Task)
        {
            await node.DisposeAsync();
            throw new TimeoutException($"Hub node {name} did not start listening:\n{node.Tail()}");
        }
        node.BaseAddress = await listening.Task;
        return node;
    }

    /// <summary>SIGKILL: no shutdown, no flushing — like a crashed machine.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        _process.Dispose();
    }

    [GeneratedRegex(@"lsb-hub listening on: (http://[^\s]+)")]
    private static partial Regex ListeningPattern();
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>
/// A hub node as its own operating-system process (<c>dotnet lsb-hub.dll serve</c>), configured through environment
/// variables the way an operator would, so a test can kill it with SIGKILL mid-work; or the sandbox
/// (<c>dotnet lsb-hub.dll sandbox</c>) as a developer starts it, read from the banner it prints.
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

    /// <summary>The first line the process wrote that matches <paramref name="pattern"/> (of the last 400), or null.</summary>
    public Match? Find(Regex pattern) => _output.Select(line => pattern.Match(line)).FirstOrDefault(m => m.Success);

    public static async Task<HubProcess> StartAsync(string name, IDictionary<string, string?> environment)
    {
        var node = await StartAsync(name, ["serve"], AppContext.BaseDirectory, environment, ListeningPattern());
        node.BaseAddress = new Uri(node.Find(ListeningPattern())!.Groups[1].Value);
        return node;
    }

    /// <summary>
    /// <c>lsb-hub sandbox</c> in <paramref name="workingDirectory"/> (where it keeps <c>.sandbox/</c>), the hub on a free
    /// port. Returns once the banner has printed the hub's address and the admin key (<see cref="BaseAddress"/>, <see cref="AdminKey"/>).
    /// </summary>
    public static async Task<HubProcess> StartSandboxAsync(string workingDirectory)
    {
        var node = await StartAsync("sandbox", ["sandbox"], workingDirectory, new Dictionary<string, string?>(), SandboxAdminKeyPattern());
        node.BaseAddress = new Uri(node.Find(SandboxHubPattern())?.Groups[1].Value
            ?? throw new InvalidOperationException($"The sandbox banner names no hub address:\n{node.Tail()}"));
        node.AdminKey = node.Find(SandboxAdminKeyPattern())!.Groups[1].Value;
        return node;
    }

    /// <summary>The admin API key the sandbox banner printed; null for a node started with <c>serve</c>.</summary>
    public string? AdminKey { get; private set; }

    /// <summary>Starts <c>dotnet lsb-hub.dll {arguments} --urls http://127.0.0.1:0</c> and waits for a line matching <paramref name="ready"/>.</summary>
    private static async Task<HubProcess> StartAsync(string name, string[] arguments, string workingDirectory, IDictionary<string, string?> environment, Regex ready)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lsb-hub.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in environment) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the hub process.");
        var node = new HubProcess(process, name);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            node._output.Enqueue(e.Data);
            while (node._output.Count > 400 && node._output.TryDequeue(out var _)) { }
            if (ready.IsMatch(e.Data)) started.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) node._output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(started.Task, Task.Delay(TimeSpan.FromSeconds(90))) != started.Task)
        {
            await node.DisposeAsync();
            throw new TimeoutException($"Hub node {name} did not start listening:\n{node.Tail()}");
        }
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

    /// <summary>The banner's first line: <c> Hub            http://127.0.0.1:5080</c>.</summary>
    [GeneratedRegex(@"^\s*Hub\s+(http://\S+)\s*$")]
    private static partial Regex SandboxHubPattern();

    /// <summary>The banner's admin key line, printed after the hub line.</summary>
    [GeneratedRegex(@"^\s*admin\s+(\S+)\s*$")]
    private static partial Regex SandboxAdminKeyPattern();
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Lsb.Hub.Auth;

namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>
/// The hub as production runs it: a separate process, <c>dotnet lsb-hub.dll serve</c>, configured only through
/// environment variables, so it can be killed (the whole process tree, no shutdown) and started again on the same data.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    public const string AdminKey = "kill-test-admin-key-0000000001";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HubProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote (console log), for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>lsb-hub serve</c> with <paramref name="environment"/> and waits until it is live.</summary>
    public static async Task<HubProcess> StartAsync(IDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var dll = typeof(HubApplication).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Auth__ApiKeys__0__Name"] = "kill-test-admin";
        start.Environment["Auth__ApiKeys__0__Key"] = AdminKey;
        start.Environment["Auth__ApiKeys__0__Scopes__0"] = Scopes.Admin;
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var hub = new HubProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The hub process exited with {process.ExitCode}:\n{hub.Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return hub;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { /* slow start on a busy machine */ }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The hub process did not become live within 90 s:\n{hub.Output}");
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>An HTTP client with the admin key.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    /// <summary>Kills the process and every child at once: no shutdown, no flushing, as a power cut would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Ends the process if it still runs (the tests read its data before disposing it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

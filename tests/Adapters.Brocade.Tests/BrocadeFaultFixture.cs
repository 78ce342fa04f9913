using System.Diagnostics;
using Lsb.Hub.Adapters.Contract;
using Lsb.Hub.Simulators.Brocade;
using Lsb.Hub.Simulators.Brocade.Control;

namespace Lsb.Hub.Adapters.Brocade.Tests;

/// <summary>
/// A Brocade simulator (two members and two copies, signed markers) whose installation can be switched between normal
/// and faulty: the export folder unmounted (server errors), a hung share (a FIFO marker that blocks on open), a data file
/// cut off under a marker that describes it whole (malformed answers), a wrong export key and refused SIP2 logins
/// (refused credentials). Adapters with a 1 s attempt timeout, 2 retries and a circuit that opens after 6 attempts.
/// </summary>
public sealed class BrocadeFaultFixture : IIlsFaultFixture, IAsyncLifetime
{
    private const string Key = "fault-fixture-export-key";
    private readonly BrocadeAdapterHost _host = new(new Dictionary<string, string?>
    {
        ["Adapters:Brocade:AttemptTimeout"] = "00:00:01",
        ["Adapters:Brocade:MaxRetryAttempts"] = "2",
        ["Adapters:Brocade:RetryBaseDelay"] = "00:00:00.010",
        ["Adapters:Brocade:CircuitMinimumThroughput"] = "6",
        ["Adapters:Brocade:CircuitFailureRatio"] = "0.5",
        ["Adapters:Brocade:CircuitBreakDuration"] = "00:00:30",
        ["Adapters:Brocade:IncompleteExportGrace"] = "00:00:00",
    });
    private BrocadeSimulatorHost? _simulator;
    private string? _membersFile;
    private byte[]? _membersBytes;

    public int NormalChangeCount => 4;

    private BrocadeSimulatorHost Simulator => _simulator ?? throw new InvalidOperationException("The simulator has not started.");

    private string Folder => Simulator.Installation.ExportFolder;

    private string Fifo => Path.Combine(Folder, "LEDEN_DELTA_HANGT.csv.gereed");

    public async ValueTask InitializeAsync()
    {
        _simulator = await BrocadeSimulator.StartAsync(new BrocadeSimulatorOptions { MembersPerLibrary = 1, CopiesPerLibrary = 1, LoansPerLibrary = 0, ExportKey = Key });
        _membersFile = Directory.GetFiles(Folder, "LEDEN_*.csv").Single();
        _membersBytes = await File.ReadAllBytesAsync(_membersFile);
        Behave(InstallationBehaviour.Normal);
    }

    public async ValueTask DisposeAsync()
    {
        Behave(InstallationBehaviour.Normal);
        if (_simulator is not null) await _simulator.DisposeAsync();
        _host.Dispose();
    }

    public IIlsAdapter CreateAdapter() => _host.Create(Simulator.Installation);

    public void Behave(InstallationBehaviour behaviour)
    {
        Restore();
        switch (behaviour)
        {
            case InstallationBehaviour.Normal:
                break;
            case InstallationBehaviour.ServerErrors:
                Directory.Move(Folder, Folder + ".offline");
                Simulator.Control.InjectSipFault(Sip2Fault.RejectConnections);
                break;
            case InstallationBehaviour.Hangs:
                using (var mkfifo = Process.Start("mkfifo", Fifo)) mkfifo.WaitForExit();
                Simulator.Control.InjectSipFault(Sip2Fault.Hang);
                break;
            case InstallationBehaviour.MalformedAnswers:
                File.WriteAllBytes(_membersFile!, _membersBytes.AsSpan(0, _membersBytes!.Length * 3 / 5).ToArray());
                break;
            case InstallationBehaviour.RefusesCredentials:
                _host.Credentials.Set(Simulator.Installation.Name, Simulator.Installation.SipUser, Simulator.Installation.SipPassword, "not-the-export-key");
                Simulator.Control.InjectSipFault(Sip2Fault.RefuseLogin);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(behaviour), behaviour, "Unknown behaviour.");
        }
    }

    private void Restore()
    {
        if (_simulator is null) return;
        Simulator.Control.InjectSipFault(Sip2Fault.None);
        _host.Credentials.Set(Simulator.Installation.Name, Simulator.Installation.SipUser, Simulator.Installation.SipPassword, Key);
        if (Directory.Exists(Folder + ".offline")) Directory.Move(Folder + ".offline", Folder);
        if (File.Exists(Fifo))
        {
            // Opening a FIFO for reading and writing never blocks, and lets every reader stuck in open() go on (to EOF).
            using (new FileStream(Fifo, FileMode.Open, FileAccess.ReadWrite)) { }
            File.Delete(Fifo);
        }
        if (_membersFile is not null && _membersBytes is not null) File.WriteAllBytes(_membersFile, _membersBytes);
    }
}

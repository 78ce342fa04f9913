using Lsb.Hub.Adapters;

namespace Lsb.Hub.Bench.SnapshotDiff;

/// <summary>The simulator's published test login for every installation of the benchmark.</summary>
internal sealed class BenchCredentials : IInstallationCredentials
{
    public IReadOnlyDictionary<string, string>? Find(string credentialsRef)
        => new Dictionary<string, string> { ["SipUser"] = "lsbhub", ["SipPassword"] = "sandbox-brocade-sip-not-a-secret" };
}

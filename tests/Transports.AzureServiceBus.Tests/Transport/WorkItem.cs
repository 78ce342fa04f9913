namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>A test command. <see cref="Behaviour"/> tells the handler what to do.</summary>
public sealed record WorkItem(Guid Id, string Behaviour = WorkBehaviour.Succeed, string InstallationId = "inst-a", int HandleMilliseconds = 0);

/// <summary>What <see cref="WorkItemHandler"/> does with a <see cref="WorkItem"/>.</summary>
public static class WorkBehaviour
{
    public const string Succeed = "succeed";
    public const string AlwaysFail = "always-fail";
    public const string Slow = "slow";
    public const string WaitForGate = "gate";
}

namespace Lsb.Hub.Transports.AzureServiceBus.Tests.Transport;

/// <summary>Handles test messages as their behaviour says and records which node finished them.</summary>
public static class WorkItemHandler
{
    public static async Task Handle(WorkItem item, NodeName node, CancellationToken cancellationToken)
    {
        Handled.MarkStarted(item.Id);
        switch (item.Behaviour)
        {
            case WorkBehaviour.AlwaysFail:
                throw new InjectedFailureException($"Work item {item.Id} always fails.");
            case WorkBehaviour.Slow:
                await Task.Delay(item.HandleMilliseconds, cancellationToken);
                break;
            case WorkBehaviour.WaitForGate:
                await Handled.Gate(item.Id).WaitAsync(cancellationToken);
                break;
        }
        Handled.Record(item.Id, node.Value);
    }

    public static void Handle(TestEvent e, NodeName node) => Handled.Record(e.Id, node.Value);
}

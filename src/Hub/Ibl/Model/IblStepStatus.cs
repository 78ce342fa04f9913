namespace Lsb.Hub.Ibl.Model;

/// <summary>Where a step stands.</summary>
public enum IblStepStatus
{
    /// <summary>Waiting to be carried out (or being retried after a transient failure).</summary>
    Pending,
    /// <summary>Carried out.</summary>
    Done,
    /// <summary>The library's system cannot do it: staff do it by hand and confirm with the action <c>ManualStepDone</c>.</summary>
    Manual,
    /// <summary>Refused by the library's system; the request shows it under attention.</summary>
    Failed,
    /// <summary>No longer needed (the request moved on).</summary>
    Obsolete,
}

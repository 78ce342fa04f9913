namespace Lsb.Hub.Adapters.VSmart.Ncip;

/// <summary>What sending an NCIP message gave: the response (which may carry a Problem), or a failure that already is
/// the command's result (transient, unknown, credentials refused).</summary>
internal readonly record struct NcipAnswer(NcipResponse? Response, Canonical.Commands.CommandResult? Failure);

using Lsb.Hub.Adapters.Wise.Http;
using Lsb.Hub.Canonical.Commands;

namespace Lsb.Hub.Adapters.Wise.Commands;

/// <summary>What a command call gave: the value (2xx), a business refusal (4xx with a Wise error code) or a failure
/// that already is the command's result (transient, unknown, credentials refused).</summary>
internal readonly record struct WiseAnswer<T>(T? Value, WiseFailure? Refusal, CommandResult? Failure);

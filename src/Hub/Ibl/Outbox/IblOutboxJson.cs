using System.Text.Json;
using Lsb.Hub.Ibl.Iso18626;
using Lsb.Hub.Ibl.Steps;
using Lsb.Hub.Ibl.Timers;
using Lsb.Hub.Infrastructure;

namespace Lsb.Hub.Ibl.Outbox;

/// <summary>The JSON of outbox messages (<c>ibl_outbox.payload</c>), by kind.</summary>
public static class IblOutboxJson
{
    /// <summary>The payload of a message.</summary>
    public static string Write(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Serialize(message, message.GetType(), HubJson.Options);
    }

    /// <summary>The message again from its kind and payload.</summary>
    public static object Read(string kind, string payload) => kind switch
    {
        nameof(IblStepDue) => JsonSerializer.Deserialize<IblStepDue>(payload, HubJson.Options)!,
        nameof(IblTimerDue) => JsonSerializer.Deserialize<IblTimerDue>(payload, HubJson.Options)!,
        nameof(IblIsoSend) => JsonSerializer.Deserialize<IblIsoSend>(payload, HubJson.Options)!,
        _ => throw new InvalidOperationException($"The IBL outbox holds a message of unknown kind '{kind}'."),
    };
}

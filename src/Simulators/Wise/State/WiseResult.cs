namespace Lsb.Hub.Simulators.Wise.State;

/// <summary>Either a value or a <see cref="WiseError"/>.</summary>
internal readonly record struct WiseResult<T>(T? Value, WiseError? Error)
{
    public static implicit operator WiseResult<T>(T value) => new(value, null);
    public static implicit operator WiseResult<T>(WiseError error) => new(default, error);
}

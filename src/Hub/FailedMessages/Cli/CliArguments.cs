namespace Lsb.Hub.FailedMessages.Cli;

/// <summary>
/// The arguments of a <c>lsb-hub failed</c> command: positional words and <c>--name value</c> options
/// (<c>--name=value</c> works too; a known flag takes no value).
/// </summary>
public sealed class CliArguments
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "force", "json", "no-wait", "help" };
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> for an option without a value.</summary>
    public CliArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                _positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) _options[name[..eq]] = name[(eq + 1)..];
            else if (Flags.Contains(name)) _options[name] = "true";
            else if (i + 1 < args.Count) _options[name] = args[++i];
            else throw new ArgumentException($"Option --{name} needs a value.");
        }
    }

    /// <summary>Positional words (after the sub-command).</summary>
    public IReadOnlyList<string> Positional => _positional;

    /// <summary>An option's value, or null.</summary>
    public string? this[string name] => _options.TryGetValue(name, out var v) ? v : null;

    /// <summary>True when a flag was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>The names of every option given.</summary>
    public IEnumerable<string> Names => _options.Keys;
}

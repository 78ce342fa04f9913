using System.Data.Common;

namespace Lsb.Hub.Storage;

/// <summary>
/// The parameters of a command that is executed many times with new values (a prepared insert in a loop): created
/// once, then set by index. Null becomes DBNull.
/// </summary>
public sealed class ParameterSet
{
    private readonly DbParameter[] _parameters;

    /// <summary>Adds a parameter per name to <paramref name="command"/>.</summary>
    public ParameterSet(DbCommand command, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(names);
        _parameters = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = names[i];
            p.Value = DBNull.Value;
            command.Parameters.Add(p);
            _parameters[i] = p;
        }
    }

    /// <summary>Sets parameter <paramref name="index"/>.</summary>
    public void Set(int index, object? value) => _parameters[index].Value = value ?? DBNull.Value;
}

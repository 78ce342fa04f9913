using System.Data.Common;
using Lsb.Hub.Storage;

namespace Lsb.Hub.Consolidation;

/// <summary>A step of a move as a participant sees it: the move and the open transaction of the step.</summary>
/// <param name="Move">The move.</param>
/// <param name="Connection">The hub's database connection.</param>
/// <param name="Transaction">The step's transaction; commit is the runner's.</param>
/// <param name="Dialect">SQL differences between SQLite and PostgreSQL.</param>
/// <param name="Now">The step's time.</param>
public sealed record MoveContext(LibraryMove Move, DbConnection Connection, DbTransaction Transaction, SqlDialect Dialect, DateTimeOffset Now);

namespace Lsb.Hub.Tests.Infrastructure;

/// <summary>
/// The storage backends every storage-dependent test runs on. SQLite always runs; PostgreSQL runs when the
/// environment variable <c>LSB_TEST_POSTGRES</c> holds an Npgsql connection string (CI sets it after starting the
/// server), and is skipped with that reason otherwise.
/// </summary>
public enum TestBackend
{
    Sqlite,
    Postgres,
}

public static class TestBackends
{
    public const string PostgresVariable = "LSB_TEST_POSTGRES";

    /// <summary>When set (an AMQP URI), the PostgreSQL backend runs the scale-out configuration: RabbitMQ transport
    /// and two hub nodes sharing the database and the broker.</summary>
    public const string RabbitMqVariable = "LSB_TEST_RABBITMQ";

    /// <summary>The broker from <see cref="RabbitMqVariable"/>, or null when not set. When set but nothing answers
    /// there, this throws at once with what to do, rather than letting every test wait out the transport's own
    /// start-up timeout (about 95 s each).</summary>
    public static string? RabbitMqUri
    {
        get
        {
            if (Environment.GetEnvironmentVariable(RabbitMqVariable) is not { Length: > 0 } uri) return null;
            if (BrokerProblem.Value is { } problem) throw new InvalidOperationException(problem);
            return uri;
        }
    }

    private static readonly Lazy<string?> BrokerProblem = new(() => BrokerCheck.Unreachable(Environment.GetEnvironmentVariable(RabbitMqVariable)!));

    /// <summary>
    /// The connection string from <see cref="PostgresVariable"/>, with idle pooled connections closed after 10 s unless
    /// the variable says otherwise: every test hub has its own schema and so its own pools, and with Npgsql's default
    /// (5 minutes) the idle connections of finished classes add up to PostgreSQL's <c>max_connections</c>.
    /// </summary>
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? WithShortIdleLifetime(cs) : null;

    private static string WithShortIdleLifetime(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Idle Lifetime", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionIdleLifetime = 10;
            builder.ConnectionPruningInterval = 2;
        }
        return builder.ToString();
    }

    /// <summary>
    /// Removes what a test hub left behind: its PostgreSQL schemas (<c>{schema}</c> and <c>{schema}_bus</c>) and, on
    /// RabbitMQ, the queues and exchange named after it. Durable broker entities that outlive their test pile up in a
    /// developer's long-running broker, and a broker with thousands of them takes minutes to start.
    /// </summary>
    public static async Task RemoveHubStateAsync(string schema)
    {
        if (PostgresConnectionString is { } cs)
        {
            await using var connection = new Npgsql.NpgsqlConnection(cs);
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; DROP SCHEMA IF EXISTS {schema}_bus CASCADE;", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (Environment.GetEnvironmentVariable(RabbitMqVariable) is { Length: > 0 } rabbit && BrokerProblem.Value is null)
            await BrokerCheck.DeleteEntitiesAsync(rabbit, schema);
    }

    /// <summary>Skips the current test when <paramref name="backend"/> is not available here, saying why.</summary>
    public static void SkipUnlessAvailable(TestBackend backend)
    {
        if (backend == TestBackend.Postgres && PostgresConnectionString is null)
            Assert.Skip($"PostgreSQL is not configured: set {PostgresVariable} to an Npgsql connection string (CI does; see .ci/run) to run this test on PostgreSQL.");
    }
}

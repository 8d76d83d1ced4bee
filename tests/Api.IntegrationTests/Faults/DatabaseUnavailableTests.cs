using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Api.IntegrationTests.Faults;

/// <summary>Which failures the API answers 503 + Retry-After (the database is unreachable or busy) rather than 500.</summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception, bool> Cases => new()
    {
        { "EF retries exhausted", new RetryLimitExceededException("retries", new NpgsqlException("Exception while connecting", new SocketException(111))), true },
        { "connection refused", new NpgsqlException("Exception while connecting", new SocketException(111)), true },
        { "server shutting down (57P01)", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), true },
        { "cannot connect now (57P03)", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"), true },
        { "too many connections (53300)", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300"), true },
        { "wrapped by EF", new InvalidOperationException("transient", new NpgsqlException("broken", new IOException("reset"))), true },
        { "SQLite busy", new SqliteException("database is locked", 5), true },
        { "unique violation (23505)", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"), false },
        { "SQLite constraint", new SqliteException("constraint failed", 19), false },
        { "a bug", new InvalidOperationException("no"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classifies(string what, Exception exception, bool unavailable) =>
        DatabaseUnavailable.Is(exception).ShouldBe(unavailable, what);
}

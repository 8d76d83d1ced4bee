namespace WorkOrders.Api.IntegrationTests.Infrastructure;

// What a client sees of the auth, user and API-key answers (read back with the web JSON options).
public sealed record SignedInUser(string Id, string Email, string? DisplayName, List<string> Roles, string AntiforgeryToken);

public sealed record UserRow(string Id, string Email, string? DisplayName, List<string> Roles, bool LockedOut);

public sealed record ApiKeyRow(Guid Id, string Name, string Prefix, List<Guid> CustomerIds, DateTime CreatedAt, DateTime? RevokedAt);

public sealed record CreatedApiKey(string Key, ApiKeyRow ApiKey);

/// <summary>A partner key as the test sees it: its id, the secret shown once, and a client that sends it.</summary>
public sealed record PartnerKey(Guid Id, string Key, HttpClient Client);

/// <summary>Unique values, so tests sharing a fixture never collide.</summary>
public static class Unique
{
    public static string Suffix() => Guid.NewGuid().ToString("N")[..10];

    public static string Name(string prefix) => $"{prefix} {Suffix()}";

    public static string Email(string prefix = "user") => $"{prefix}-{Suffix()}@tests.local";
}

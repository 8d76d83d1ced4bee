namespace WorkOrders.Application.Common.Interfaces;

public sealed record UserSummary(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>The port to user accounts (ASP.NET Core Identity in Infrastructure).</summary>
public interface IIdentityService
{
    Task<(bool Succeeded, string? UserId, IReadOnlyDictionary<string, string[]> Errors)> CreateUserAsync(
        string email, string? displayName, string password, IReadOnlyCollection<string> roles, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserSummary>> GetUsersAsync(CancellationToken cancellationToken);

    Task<UserSummary?> GetUserAsync(string userId, CancellationToken cancellationToken);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkOrders.Application.Common.Interfaces;

namespace WorkOrders.Infrastructure.Identity;

public sealed class IdentityService(UserManager<AppUser> users) : IIdentityService
{
    public async Task<(bool Succeeded, string? UserId, IReadOnlyDictionary<string, string[]> Errors)> CreateUserAsync(
        string email, string? displayName, string password, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var user = new AppUser { UserName = email, Email = email, DisplayName = displayName, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return (false, null, ToErrors(created));
        }

        var added = await users.AddToRolesAsync(user, roles).ConfigureAwait(false);
        return added.Succeeded ? (true, user.Id, new Dictionary<string, string[]>()) : (false, null, ToErrors(added));
    }

    public async Task<IReadOnlyList<UserSummary>> GetUsersAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<UserSummary>(all.Count);
        foreach (var user in all)
        {
            result.Add(await SummarizeAsync(user).ConfigureAwait(false));
        }

        return result;
    }

    public async Task<UserSummary?> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false);
        return user is null ? null : await SummarizeAsync(user).ConfigureAwait(false);
    }

    private async Task<UserSummary> SummarizeAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user).ConfigureAwait(false);
        var lockedOut = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
        return new UserSummary(user.Id, user.Email ?? string.Empty, user.DisplayName, roles.Order(StringComparer.Ordinal).ToList(), lockedOut);
    }

    /// <summary>Identity's errors by field: duplicate e-mail under Email, password rules under Password.</summary>
    private static Dictionary<string, string[]> ToErrors(IdentityResult result) => result.Errors
        .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "Password"
            : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "Email"
            : e.Code.Contains("Role", StringComparison.Ordinal) ? "Roles" : string.Empty)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkOrders.Infrastructure.Identity;

namespace WorkOrders.Api.Infrastructure;

/// <summary>Checks a staff session cookie on every request against the user's security stamp, so logout (which
/// renews the stamp), a password change or a lock-out ends every session of the user at once, on every node.
/// One indexed read of two columns — instead of Identity's stock validator, which at a zero interval reloads the
/// user, its claims, roles and role claims and re-issues the cookie on every request.</summary>
internal static class SessionValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaim);
        if (userId is not null && stamp is not null)
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var current = await users.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.SecurityStamp, u.LockoutEnd })
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current is not null && current.SecurityStamp == stamp && !(current.LockoutEnd is { } end && end > now))
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}

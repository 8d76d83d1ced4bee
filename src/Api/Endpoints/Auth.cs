using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using WorkOrders.Api.Infrastructure;
using WorkOrders.Application.Common.Models;
using WorkOrders.Infrastructure.Identity;

namespace WorkOrders.Api.Endpoints;

/// <summary>Cookie sign-in for the SPA. After sign-in (and on every <c>/auth/me</c>) the XSRF-TOKEN cookie
/// carries the antiforgery token that cookie-authenticated writes send back as X-XSRF-TOKEN.</summary>
public static class Auth
{
    public sealed record LoginRequest(string Email, string Password);

    public sealed record MeDto(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, string AntiforgeryToken);

    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth").WithTags("Auth");
        group.MapPost("/login", Login).WithName("Login").AllowAnonymous().RequireRateLimiting(Hardening.LoginPolicy)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Signs in with e-mail and password; sets the session cookie and the XSRF-TOKEN cookie.");
        group.MapPost("/logout", Logout).WithName("Logout").ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/me", Me).WithName("GetMe").ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The signed-in user and roles; refreshes the XSRF-TOKEN cookie.");
        return api;
    }

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult, ValidationProblem>> Login(
        LoginRequest request, HttpContext http, SignInManager<AppUser> signIn, IAntiforgery antiforgery)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 256)
        {
            errors["email"] = ["'Email' must not be empty."];
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > 256)
        {
            errors["password"] = ["'Password' must not be empty."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "One or more fields are invalid.");
        }

        var user = await signIn.UserManager.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            return Unauthorized("Invalid e-mail or password.");
        }

        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Unauthorized("The account is locked after too many failed sign-ins. Try again later.");
        }

        if (!result.Succeeded)
        {
            return Unauthorized("Invalid e-mail or password.");
        }

        // The antiforgery token is bound to the user: issue it for the principal just signed in.
        http.User = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.Ok(await DescribeAsync(http, signIn.UserManager, user, antiforgery));
    }

    private static async Task<NoContent> Logout(HttpContext http, SignInManager<AppUser> signIn)
    {
        // A new security stamp ends every session of the user, including copies of this cookie.
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        http.Response.Cookies.Delete(AntiforgeryDefaults.CookieName);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeDto>, ProblemHttpResult>> Me(HttpContext http, UserManager<AppUser> users, IAntiforgery antiforgery)
    {
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null)
        {
            // A partner key is a caller, but not a user: it is known, so 403 rather than 401.
            return http.User.Identity?.IsAuthenticated == true
                ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", detail: "Only staff users have a profile.")
                : Unauthorized("Sign in as a staff user.");
        }

        return TypedResults.Ok(await DescribeAsync(http, users, user, antiforgery));
    }

    private static async Task<MeDto> DescribeAsync(HttpContext http, UserManager<AppUser> users, AppUser user, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Cookies.Append(AntiforgeryDefaults.CookieName, tokens.RequestToken!, new CookieOptions
        {
            HttpOnly = false, // the SPA reads it and echoes it in X-XSRF-TOKEN
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
        });
        var roles = await users.GetRolesAsync(user);
        return new MeDto(user.Id, user.Email ?? string.Empty, user.DisplayName, roles.Order(StringComparer.Ordinal).ToList(), tokens.RequestToken!);
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.", detail: detail);
}

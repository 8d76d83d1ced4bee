using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkOrders.Application.Common.Security;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Api.Infrastructure;

/// <summary>Partner systems: <c>X-Api-Key</c> → the key's SHA-256 → an unrevoked key → the Partner role
/// with one scope claim per customer the key may see.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ScopeClaim = "customer_scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = values.ToString();
        if (presented.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("Invalid API key.");
        }

        var hash = ApiKeySecret.Hash(presented);
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.CustomerIds, k.LastUsedAt })
            .SingleOrDefaultAsync(Context.RequestAborted).ConfigureAwait(false);
        if (key is null)
        {
            return AuthenticateResult.Fail("Invalid API key.");
        }

        // Last use, for the Admin's key list: at most one write per key every five minutes.
        var now = TimeProvider.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || key.LastUsedAt < now.AddMinutes(-5))
        {
            await db.ApiKeys.Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted).ConfigureAwait(false);
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, Roles.Partner),
            .. key.CustomerIds.Select(id => new Claim(ScopeClaim, id.ToString())),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

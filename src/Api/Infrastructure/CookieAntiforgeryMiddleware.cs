using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace WorkOrders.Api.Infrastructure;

/// <summary>Writes (POST/PUT/PATCH/DELETE) authenticated by the session cookie must carry the antiforgery
/// header. API-key and anonymous requests are not cookie-authenticated, so a browser cannot forge them. The customer
/// portal (<c>/api/v1/portal/{token}/…</c>) is authenticated by the token in its path, never by the cookie: exempt
/// even when a staff session cookie happens to come along.</summary>
public sealed class CookieAntiforgeryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: var type }
            && type == IdentityConstants.ApplicationScheme
            && Hardening.PortalToken(context) is null)
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }

        await next(context).ConfigureAwait(false);
    }
}

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace WorkOrders.Api.Infrastructure;

/// <summary>Writes (POST/PUT/PATCH/DELETE) authenticated by the session cookie must carry the antiforgery
/// header. API-key and anonymous requests are not cookie-authenticated, so a browser cannot forge them.</summary>
public sealed class CookieAntiforgeryMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && context.User.Identity is { IsAuthenticated: true, AuthenticationType: var type }
            && type == IdentityConstants.ApplicationScheme)
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }

        await next(context).ConfigureAwait(false);
    }
}

using System.Security.Claims;
using WorkOrders.Application.Common.Interfaces;

namespace WorkOrders.Api.Infrastructure;

/// <summary>The caller of the current HTTP request, from its authenticated principal.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : IUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? Id => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? Name => Principal?.FindFirstValue(ClaimTypes.Name) ?? Principal?.FindFirstValue(ClaimTypes.Email);

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public IReadOnlyCollection<string> Roles => Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() ?? [];

    public IReadOnlyCollection<Guid>? CustomerScope => Principal?.HasClaim(c => c.Type == ApiKeyAuthenticationHandler.ScopeClaim) == true
        ? Principal.FindAll(ApiKeyAuthenticationHandler.ScopeClaim).Select(c => Guid.Parse(c.Value)).ToList()
        : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}

using WorkOrders.Application.Common.Interfaces;

namespace WorkOrders.Api.Infrastructure;

/// <summary>The client of the current HTTP request: its address (IPv4-mapped addresses as IPv4) and user agent.</summary>
public sealed class ClientInfo(IHttpContextAccessor accessor) : IClientInfo
{
    public string? Address => accessor.HttpContext is { } http ? Hardening.ClientAddress(http) : null;

    public string? UserAgent => accessor.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;
}

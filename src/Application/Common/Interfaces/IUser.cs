namespace WorkOrders.Application.Common.Interfaces;

/// <summary>The caller of the current request: a staff user (cookie), a partner system (API key) or nobody.</summary>
public interface IUser
{
    /// <summary>User id for staff, <c>apikey:{id}</c> for partners, null when anonymous.</summary>
    string? Id { get; }

    /// <summary>A readable name for history and comments: the user's e-mail, or the partner key's name.</summary>
    string? Name { get; }

    bool IsAuthenticated { get; }

    IReadOnlyCollection<string> Roles { get; }

    /// <summary>For partner callers, the customers their key is scoped to; null for staff (no customer scope).</summary>
    IReadOnlyCollection<Guid>? CustomerScope { get; }

    bool IsInRole(string role);
}

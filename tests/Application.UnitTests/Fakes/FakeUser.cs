using WorkOrders.Application.Common.Interfaces;

namespace WorkOrders.Application.UnitTests.Fakes;

/// <summary>A hand-written caller: anonymous, or authenticated with the given roles.</summary>
internal sealed class FakeUser : IUser
{
    private FakeUser(string? id, IReadOnlyCollection<string> roles, IReadOnlyCollection<Guid>? customerScope)
    {
        Id = id;
        Roles = roles;
        CustomerScope = customerScope;
    }

    public string? Id { get; }

    public string? Name => Id is null ? null : $"{Id}@example.com";

    public bool IsAuthenticated => Id is not null;

    public IReadOnlyCollection<string> Roles { get; }

    public IReadOnlyCollection<Guid>? CustomerScope { get; }

    public static FakeUser Anonymous() => new(null, [], null);

    public static FakeUser WithRoles(params string[] roles) => new("user-1", roles, null);

    public static FakeUser Partner(params Guid[] customers) => new("apikey:1", [Application.Common.Security.Roles.Partner], customers);

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}

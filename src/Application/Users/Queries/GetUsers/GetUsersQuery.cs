namespace WorkOrders.Application.Users.Queries.GetUsers;

[Authorize(Roles = Roles.Admin)]
public sealed record GetUsersQuery : IRequest<IReadOnlyList<UserSummary>>;

public sealed class GetUsersQueryHandler(IIdentityService identity) : IRequestHandler<GetUsersQuery, IReadOnlyList<UserSummary>>
{
    public Task<IReadOnlyList<UserSummary>> Handle(GetUsersQuery request, CancellationToken cancellationToken) =>
        identity.GetUsersAsync(cancellationToken);
}

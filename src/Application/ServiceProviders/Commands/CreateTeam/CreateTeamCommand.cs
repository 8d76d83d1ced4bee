using WorkOrders.Application.ServiceProviders.Queries.GetTeams;
using WorkOrders.Domain.ServiceProviders;

namespace WorkOrders.Application.ServiceProviders.Commands.CreateTeam;

[Authorize(Roles = Roles.Admin)]
public sealed record CreateTeamCommand : ICommand<TeamDto>
{
    public string Name { get; init; } = string.Empty;
    public IReadOnlyList<Guid> MemberIds { get; init; } = [];
}

public sealed class CreateTeamCommandValidator : AbstractValidator<CreateTeamCommand>
{
    public CreateTeamCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.MemberIds).Must(m => m.Count <= 500).WithMessage("'Member Ids' may list at most 500 providers.");
    }
}

public sealed class CreateTeamCommandHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<CreateTeamCommand, TeamDto>
{
    public async Task<TeamDto> Handle(CreateTeamCommand request, CancellationToken cancellationToken)
    {
        var ids = request.MemberIds.Distinct().ToList();
        var members = await db.ServiceProviders.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (members.Count != ids.Count)
        {
            throw new ValidationException(nameof(request.MemberIds), "Unknown providers: " + string.Join(", ", ids.Except(members.Select(m => m.Id))) + ".");
        }

        var team = ServiceProviderTeam.Create(request.Name, members);
        db.ServiceProviderTeams.Add(team);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<TeamDto>(team);
    }
}

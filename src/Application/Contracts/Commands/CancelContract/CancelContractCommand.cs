using System.Text.Json.Serialization;
using WorkOrders.Application.Contracts.Queries.GetContracts;

namespace WorkOrders.Application.Contracts.Commands.CancelContract;

[Authorize(Roles = Roles.Office)]
public sealed record CancelContractCommand : ICommand<ContractDto>
{
    [JsonIgnore]
    public Guid Id { get; init; }

    public string? Reason { get; init; }
}

public sealed class CancelContractCommandValidator : AbstractValidator<CancelContractCommand>
{
    public CancelContractCommandValidator() => RuleFor(c => c.Reason).MaximumLength(500);
}

public sealed class CancelContractCommandHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock)
    : IRequestHandler<CancelContractCommand, ContractDto>
{
    public async Task<ContractDto> Handle(CancelContractCommand request, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.FindAsync([request.Id], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Contract", request.Id);
        contract.Cancel(request.Reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<ContractDto>(contract);
    }
}

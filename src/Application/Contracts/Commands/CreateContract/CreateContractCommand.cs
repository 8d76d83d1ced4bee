using System.Text.Json.Serialization;
using WorkOrders.Application.Contracts.Queries.GetContracts;
using WorkOrders.Domain.Contracts;

namespace WorkOrders.Application.Contracts.Commands.CreateContract;

[Authorize(Roles = Roles.Office)]
public sealed record CreateContractCommand : ICommand<ContractDto>
{
    [JsonIgnore]
    public Guid CustomerId { get; init; }

    public string Number { get; init; } = string.Empty;
    public string Name { get; init; } = string.Empty;
    public DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
}

public sealed class CreateContractCommandValidator : AbstractValidator<CreateContractCommand>
{
    public CreateContractCommandValidator()
    {
        RuleFor(c => c.Number).NotEmpty().MaximumLength(50);
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.StartDate).NotEmpty();
        RuleFor(c => c.EndDate).GreaterThanOrEqualTo(c => c.StartDate).When(c => c.EndDate is not null)
            .WithMessage("'End Date' must not be before 'Start Date'.");
    }
}

public sealed class CreateContractCommandHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<CreateContractCommand, ContractDto>
{
    public async Task<ContractDto> Handle(CreateContractCommand request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FindAsync([request.CustomerId], cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Customer", request.CustomerId);
        var contract = Contract.Create(customer, request.Number, request.Name, request.StartDate, request.EndDate);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<ContractDto>(contract);
    }
}

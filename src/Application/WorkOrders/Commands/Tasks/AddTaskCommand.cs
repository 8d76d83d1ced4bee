using System.Text.Json.Serialization;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;

namespace WorkOrders.Application.WorkOrders.Commands.Tasks;

/// <summary>Adds a task (a sub-step) to an open work order; tasks are cancelled with it.</summary>
[Authorize(Roles = Roles.Office)]
public sealed record AddTaskCommand : ICommand<WorkOrderTaskDto>
{
    [JsonIgnore]
    public Guid WorkOrderId { get; init; }

    public string Title { get; init; } = string.Empty;
}

public sealed class AddTaskCommandValidator : AbstractValidator<AddTaskCommand>
{
    public AddTaskCommandValidator() => RuleFor(c => c.Title).NotEmpty().MaximumLength(300);
}

public sealed class AddTaskCommandHandler(IApplicationDbContext db, IMapper mapper, WorkOrderAccess access) : IRequestHandler<AddTaskCommand, WorkOrderTaskDto>
{
    public async Task<WorkOrderTaskDto> Handle(AddTaskCommand request, CancellationToken cancellationToken)
    {
        var workOrder = await access.LoadAsync(request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        var task = workOrder.AddTask(request.Title);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<WorkOrderTaskDto>(task);
    }
}

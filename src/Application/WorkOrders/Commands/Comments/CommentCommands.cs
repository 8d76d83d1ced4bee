using System.Text.Json.Serialization;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Commands.Comments;

[Authorize(Roles = Roles.WorkOrderReaders)]
public sealed record GetCommentsQuery(Guid WorkOrderId) : IRequest<IReadOnlyList<CommentDto>>;

/// <summary>Staff comment on a work order (technicians on their own work).</summary>
[Authorize(Roles = $"{Roles.Office},{Roles.AccountsReceivable},{Roles.Technician}")]
public sealed record AddCommentCommand : ICommand<CommentDto>
{
    [JsonIgnore]
    public Guid WorkOrderId { get; init; }

    public string Text { get; init; } = string.Empty;
}

/// <summary>Only managers delete comments; the comment is kept in the database, hidden from every list.</summary>
[Authorize(Roles = Roles.Managers)]
public sealed record DeleteCommentCommand(Guid Id) : ICommand<Unit>;

public sealed class AddCommentCommandValidator : AbstractValidator<AddCommentCommand>
{
    public AddCommentCommandValidator() => RuleFor(c => c.Text).NotEmpty().MaximumLength(WorkOrder.TextMaxLength);
}

public sealed class CommentHandlers(IApplicationDbContext db, IMapper mapper, IUser user, TimeProvider clock, WorkOrderAccess access)
    : IRequestHandler<GetCommentsQuery, IReadOnlyList<CommentDto>>,
      IRequestHandler<AddCommentCommand, CommentDto>,
      IRequestHandler<DeleteCommentCommand, Unit>
{
    public async Task<IReadOnlyList<CommentDto>> Handle(GetCommentsQuery request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken).ConfigureAwait(false);
        if (!await visible.AnyAsync(w => w.Id == request.WorkOrderId, cancellationToken).ConfigureAwait(false))
        {
            throw NotFoundException.For("Work order", request.WorkOrderId);
        }

        return await db.Comments.AsNoTracking().Where(c => c.WorkOrderId == request.WorkOrderId && c.DeletedAt == null).OrderBy(c => c.CreatedAt)
            .ProjectTo<CommentDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<CommentDto> Handle(AddCommentCommand request, CancellationToken cancellationToken)
    {
        var workOrder = await access.LoadAsync(request.WorkOrderId, cancellationToken).ConfigureAwait(false);
        var comment = workOrder.AddComment(user.AsActor(clock), request.Text);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<CommentDto>(comment);
    }

    public async Task<Unit> Handle(DeleteCommentCommand request, CancellationToken cancellationToken)
    {
        var workOrderId = await db.Comments.Where(c => c.Id == request.Id && c.DeletedAt == null).Select(c => (Guid?)c.WorkOrderId)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.For("Comment", request.Id);
        var workOrder = await access.LoadAsync(workOrderId, cancellationToken).ConfigureAwait(false);
        workOrder.DeleteComment(request.Id, user.AsActor(clock));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}

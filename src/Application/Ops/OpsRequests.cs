using WorkOrders.Application.Common.Mappings;
using WorkOrders.Application.Common.Models;

namespace WorkOrders.Application.Ops;

/// <summary>The outbox, newest first, filtered by state and message type; keyset pages.</summary>
[Authorize(Roles = Roles.Ops)]
public sealed record GetOutboxMessagesQuery : IRequest<CursorPage<OutboxMessageDto>>
{
    public OutboxState? State { get; init; }
    public string? Type { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed record OutboxCursor(Guid Id);

public sealed class GetOutboxMessagesQueryValidator : AbstractValidator<GetOutboxMessagesQuery>
{
    public GetOutboxMessagesQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Common.Models.Cursor.MaxLimit);
        RuleFor(q => q.Type).MaximumLength(100);
        RuleFor(q => q.Cursor).ValidCursor<GetOutboxMessagesQuery, OutboxCursor>();
    }
}

public sealed class GetOutboxMessagesQueryHandler(IBackgroundJobsMonitor monitor) : IRequestHandler<GetOutboxMessagesQuery, CursorPage<OutboxMessageDto>>
{
    public Task<CursorPage<OutboxMessageDto>> Handle(GetOutboxMessagesQuery request, CancellationToken cancellationToken) =>
        monitor.GetOutboxAsync(request.State, string.IsNullOrWhiteSpace(request.Type) ? null : request.Type.Trim(),
            request.Limit ?? Common.Models.Cursor.DefaultLimit, Common.Models.Cursor.TryDecode<OutboxCursor>(request.Cursor)?.Id, cancellationToken);
}

[Authorize(Roles = Roles.Ops)]
public sealed record GetOutboxSummaryQuery : IRequest<OutboxSummaryDto>;

public sealed class GetOutboxSummaryQueryHandler(IBackgroundJobsMonitor monitor) : IRequestHandler<GetOutboxSummaryQuery, OutboxSummaryDto>
{
    public Task<OutboxSummaryDto> Handle(GetOutboxSummaryQuery request, CancellationToken cancellationToken) => monitor.GetOutboxSummaryAsync(cancellationToken);
}

/// <summary>Puts a dead-lettered or failing message back in the queue, due now (audited).</summary>
[Authorize(Roles = Roles.Ops)]
public sealed record RetryOutboxMessageCommand(Guid Id) : ICommand<OutboxMessageDto>;

public sealed class RetryOutboxMessageCommandHandler(IBackgroundJobsMonitor monitor) : IRequestHandler<RetryOutboxMessageCommand, OutboxMessageDto>
{
    public async Task<OutboxMessageDto> Handle(RetryOutboxMessageCommand request, CancellationToken cancellationToken) =>
        await monitor.RetryOutboxMessageAsync(request.Id, cancellationToken).ConfigureAwait(false)
        ?? throw NotFoundException.For("Outbox message", request.Id);
}

[Authorize(Roles = Roles.Ops)]
public sealed record GetJobsQuery : IRequest<IReadOnlyList<JobDto>>;

public sealed class GetJobsQueryHandler(IBackgroundJobsMonitor monitor) : IRequestHandler<GetJobsQuery, IReadOnlyList<JobDto>>
{
    public Task<IReadOnlyList<JobDto>> Handle(GetJobsQuery request, CancellationToken cancellationToken) => monitor.GetJobsAsync(cancellationToken);
}

/// <summary>Fires a scheduled job once, now (audited).</summary>
[Authorize(Roles = Roles.Ops)]
public sealed record TriggerJobCommand(string Group, string Name) : ICommand<Unit>;

public sealed class TriggerJobCommandValidator : AbstractValidator<TriggerJobCommand>
{
    public TriggerJobCommandValidator()
    {
        RuleFor(c => c.Group).NotEmpty().MaximumLength(150);
        RuleFor(c => c.Name).NotEmpty().MaximumLength(150);
    }
}

public sealed class TriggerJobCommandHandler(IBackgroundJobsMonitor monitor) : IRequestHandler<TriggerJobCommand, Unit>
{
    public async Task<Unit> Handle(TriggerJobCommand request, CancellationToken cancellationToken) =>
        await monitor.TriggerJobAsync(request.Group, request.Name, cancellationToken).ConfigureAwait(false)
            ? Unit.Value
            : throw NotFoundException.For("Job", $"{request.Group}.{request.Name}");
}

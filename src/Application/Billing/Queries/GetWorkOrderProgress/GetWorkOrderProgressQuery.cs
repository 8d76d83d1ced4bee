using WorkOrders.Application.WorkOrders;
using WorkOrders.Domain.Billing;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Billing.Queries.GetWorkOrderProgress;

/// <summary>The progress report and billing data of a work order. <see cref="BilledHours"/> previews billing
/// that many hours (a dry run of PUT billed-hours): projected balance and <c>wouldGoNegative</c>.</summary>
[Authorize(Roles = Roles.Billing)]
public sealed record GetWorkOrderProgressQuery(Guid WorkOrderId, decimal? BilledHours = null) : IRequest<WorkOrderProgressDto>;

public sealed class GetWorkOrderProgressQueryValidator : AbstractValidator<GetWorkOrderProgressQuery>
{
    public GetWorkOrderProgressQueryValidator() =>
        RuleFor(q => q.BilledHours).InclusiveBetween(0m, BillingPolicy.MaxHours).PrecisionScale(9, 2, ignoreTrailingZeros: true);
}

public sealed class GetWorkOrderProgressQueryHandler(IApplicationDbContext db, TimeProvider clock, WorkOrderAccess access)
    : IRequestHandler<GetWorkOrderProgressQuery, WorkOrderProgressDto>
{
    public async Task<WorkOrderProgressDto> Handle(GetWorkOrderProgressQuery request, CancellationToken cancellationToken)
    {
        var visible = await access.VisibleAsync(cancellationToken).ConfigureAwait(false);
        var workOrder = await visible.Include(w => w.LineItems).SingleOrDefaultAsync(w => w.Id == request.WorkOrderId, cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.For("Work order", request.WorkOrderId);
        var runningTimers = await db.TimeEntries.CountAsync(e => e.WorkOrderId == workOrder.Id && e.EndedAt == null, cancellationToken).ConfigureAwait(false);
        var balance = await BillingLoads.BalanceAsync(db, workOrder.CustomerId, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;

        var estimated = workOrder.ApprovedEstimatedHours;
        var pending = workOrder.LineItems.Where(i => i.ApprovalStatus == ApprovalStatus.Pending).Sum(i => i.EstimatedLabourHours);
        var worked = workOrder.WorkedHours;

        // The likely charge: what the caller asks to preview, else what is billed, else the larger of estimate and work so far.
        var preview = WorkOrderBilling.Preview(workOrder, request.BilledHours ?? workOrder.BilledHours ?? Math.Max(estimated, worked));
        var projected = BillingPolicy.Round(balance - preview.Difference);
        var waitingNow = workOrder.WaitingSince is { } since && now > since ? (long)(now - since).TotalSeconds : 0L;

        return new WorkOrderProgressDto
        {
            WorkOrderId = workOrder.Id,
            DisplayNumber = workOrder.DisplayNumber,
            Status = workOrder.Status,
            CustomerId = workOrder.CustomerId,
            EstimatedLabourHours = estimated,
            PendingEstimatedLabourHours = pending,
            WorkedHours = worked,
            VarianceHours = worked - estimated,
            PercentOfEstimate = estimated > 0 ? Math.Round(worked * 100m / estimated, 1, MidpointRounding.AwayFromZero) : null,
            RunningTimers = runningTimers,
            BilledHours = workOrder.BilledHours,
            BilledMinimumApplied = workOrder.BilledMinimumApplied,
            BilledAt = workOrder.BilledAt,
            MinimumBilledHours = BillingPolicy.MinimumBilledHours,
            WaitingSeconds = workOrder.WaitingSeconds + waitingNow,
            IsWaiting = workOrder.WaitingSince is not null,
            WaitingSince = workOrder.WaitingSince,
            CreditBalance = balance,
            ProjectedBilledHours = preview.Billed,
            ProjectedMinimumApplied = preview.MinimumApplied,
            ProjectedBalance = projected,
            WouldGoNegative = projected < 0,
            Warning = CreditHourWarnings.ForProjected(projected),
        };
    }
}

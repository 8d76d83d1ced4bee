using System.Text.Json;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.ServiceProviders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Commands.BulkWorkOrders;

/// <summary>Raised (in the transaction) after a bulk action changed work orders, so side effects — notifications,
/// dispatches — can be planned set-based for the whole batch.</summary>
public sealed record WorkOrdersBulkChanged(BulkAction Action, IReadOnlyList<Guid> WorkOrderIds, Guid? ProviderId, Guid? TeamId) : INotification;

public sealed class BulkWorkOrdersCommandHandler(
    IApplicationDbContext db, IWorkOrderBulkStore store, IOutbox outbox, IMediator mediator, IUser user, TimeProvider clock)
    : IRequestHandler<BulkWorkOrdersCommand, BulkResultDto>
{
    public async Task<BulkResultDto> Handle(BulkWorkOrdersCommand request, CancellationToken cancellationToken)
    {
        EnsureRoleMayUse(request.Action);
        var actor = user.AsActor(clock);
        var (provider, team) = await LoadAssigneeAsync(request, cancellationToken).ConfigureAwait(false);

        var distinct = request.Ids.Distinct().ToList();
        var snapshots = (await store.LockAsync(distinct, cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Id);
        var thirdParty = request.Action == BulkAction.ApprovePayment
            ? await ThirdPartyAsync(snapshots.Values, cancellationToken).ConfigureAwait(false)
            : [];

        // Decide every item with the domain's rules, in request order; an id seen twice fails the second time.
        var results = new List<BulkItemResultDto>(request.Ids.Count);
        var changed = new List<WorkOrderSnapshot>();
        var seen = new HashSet<Guid>();
        foreach (var id in request.Ids)
        {
            if (!seen.Add(id))
            {
                results.Add(new BulkItemResultDto(id, null, false, "duplicate id in the request", null));
                continue;
            }

            if (!snapshots.TryGetValue(id, out var snapshot))
            {
                results.Add(new BulkItemResultDto(id, null, false, "not found", null));
                continue;
            }

            snapshot = snapshot with { AssignedToThirdParty = thirdParty.Contains(id) };
            var number = WorkOrderNumber.Format(snapshot.Number);
            if (WorkOrderBulkRules.WhyNot(request.Action, snapshot) is { } why)
            {
                results.Add(new BulkItemResultDto(id, number, false, why, snapshot.IsDeleted ? null : snapshot.Status));
                continue;
            }

            changed.Add(snapshot);
            var status = WorkOrderBulkRules.StatusAction(request.Action) is { } a ? WorkOrderStatusMachine.Target(a) : snapshot.Status;
            results.Add(new BulkItemResultDto(id, number, true, null, status));
        }

        if (!request.DryRun && changed.Count > 0)
        {
            await ApplyAsync(request, changed, actor, provider, team, cancellationToken).ConfigureAwait(false);
        }

        var failures = results.Where(r => !r.Succeeded).GroupBy(r => r.Reason!).Select(g => new BulkReasonCountDto(g.Key, g.Count()))
            .OrderByDescending(r => r.Count).ToList();
        return new BulkResultDto(request.Action, request.DryRun, request.Ids.Count, changed.Count, results.Count - changed.Count, failures, results);
    }

    private void EnsureRoleMayUse(BulkAction action)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return;
        }

        var allowed = action switch
        {
            BulkAction.MarkInvoiced or BulkAction.MarkInvoiceNotRequired => user.IsInRole(Roles.AccountsReceivable),
            BulkAction.ApprovePayment => user.IsInRole(Roles.ProjectManager),
            _ => user.IsInRole(Roles.Dispatcher) || user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.TeamManager),
        };
        if (!allowed)
        {
            throw new ForbiddenAccessException($"Your roles may not {WorkOrderBulkRules.Verb(action)} work orders.");
        }
    }

    private async Task<(ServiceProvider? Provider, ServiceProviderTeam? Team)> LoadAssigneeAsync(BulkWorkOrdersCommand request, CancellationToken cancellationToken)
    {
        ServiceProvider? provider = null;
        ServiceProviderTeam? team = null;
        if (request.ProviderId is { } providerId)
        {
            provider = await db.ServiceProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Id == providerId, cancellationToken).ConfigureAwait(false)
                ?? throw new ValidationException("providerId", "'Provider Id' is not a service provider.");
            provider.EnsureAssignable();
        }

        if (request.TeamId is { } teamId)
        {
            team = await db.ServiceProviderTeams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken).ConfigureAwait(false)
                ?? throw new ValidationException("teamId", "'Team Id' is not a team.");
            team.EnsureAssignable();
        }

        return (provider, team);
    }

    /// <summary>Work assigned to an external technician or partner company, or routed to WorkMarket.</summary>
    private async Task<HashSet<Guid>> ThirdPartyAsync(IEnumerable<WorkOrderSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var list = snapshots.ToList();
        var providerIds = list.Where(s => s.ProviderId is not null).Select(s => s.ProviderId!.Value).Distinct().ToList();
        var thirdPartyProviders = (await db.ServiceProviders.AsNoTracking()
            .Where(p => providerIds.Contains(p.Id) && p.Kind != ServiceProviderKind.InternalTechnician)
            .Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        return list.Where(s => s.Routing == RoutingKind.WorkMarket || (s.ProviderId is { } p && thirdPartyProviders.Contains(p)))
            .Select(s => s.Id).ToHashSet();
    }

    private async Task ApplyAsync(
        BulkWorkOrdersCommand request, List<WorkOrderSnapshot> changed, Actor actor, ServiceProvider? provider, ServiceProviderTeam? team, CancellationToken ct)
    {
        var ids = changed.ConvertAll(s => s.Id);
        var target = db.WorkOrders.Where(w => ids.Contains(w.Id));
        var now = actor.At;
        var by = actor.UserId;
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();

        switch (request.Action)
        {
            case BulkAction.Publish:
                await target.ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WorkOrderStatus.Published).SetProperty(w => w.StatusChangedAt, now)
                    .SetProperty(w => w.Version, w => w.Version + 1).SetProperty(w => w.UpdatedAt, now).SetProperty(w => w.UpdatedBy, by), ct).ConfigureAwait(false);
                break;
            case BulkAction.AssignProvider or BulkAction.AssignTeam or BulkAction.SendToWorkMarket:
                var routing = request.Action switch
                {
                    BulkAction.AssignProvider => RoutingKind.Provider,
                    BulkAction.AssignTeam => RoutingKind.Team,
                    _ => RoutingKind.WorkMarket,
                };
                var providerId = provider?.Id;
                var teamId = team?.Id;
                await target.ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WorkOrderStatus.Assigned).SetProperty(w => w.StatusChangedAt, now)
                    .SetProperty(w => w.Routing, routing).SetProperty(w => w.ProviderId, providerId).SetProperty(w => w.TeamId, teamId)
                    .SetProperty(w => w.Version, w => w.Version + 1).SetProperty(w => w.UpdatedAt, now).SetProperty(w => w.UpdatedBy, by), ct).ConfigureAwait(false);
                break;
            case BulkAction.Delete:
                await target.ExecuteUpdateAsync(s => s.SetProperty(w => w.IsDeleted, true).SetProperty(w => w.DeletedAt, now).SetProperty(w => w.DeletedBy, by)
                    .SetProperty(w => w.Version, w => w.Version + 1).SetProperty(w => w.UpdatedAt, now).SetProperty(w => w.UpdatedBy, by), ct).ConfigureAwait(false);
                break;
            case BulkAction.MarkInvoiced or BulkAction.MarkInvoiceNotRequired:
                var invoice = request.Action == BulkAction.MarkInvoiced ? InvoiceStatus.Yes : InvoiceStatus.NotRequired;
                await target.ExecuteUpdateAsync(s => s.SetProperty(w => w.InvoiceStatus, invoice)
                    .SetProperty(w => w.Version, w => w.Version + 1).SetProperty(w => w.UpdatedAt, now).SetProperty(w => w.UpdatedBy, by), ct).ConfigureAwait(false);
                break;
            case BulkAction.ApprovePayment:
                await target.ExecuteUpdateAsync(s => s.SetProperty(w => w.PaymentApprovedAt, now).SetProperty(w => w.PaymentApprovedBy, by)
                    .SetProperty(w => w.Version, w => w.Version + 1).SetProperty(w => w.UpdatedAt, now).SetProperty(w => w.UpdatedBy, by), ct).ConfigureAwait(false);
                break;
            case BulkAction.Complete:
                await target.ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WorkOrderStatus.Completed).SetProperty(w => w.StatusChangedAt, now)
                    .SetProperty(w => w.CompletedAt, now).SetProperty(w => w.CompletionNotes, reason)
                    .SetProperty(w => w.Version, w => w.Version + 1).SetProperty(w => w.UpdatedAt, now).SetProperty(w => w.UpdatedBy, by), ct).ConfigureAwait(false);
                await db.WorkOrderTasks.Where(t => ids.Contains(t.WorkOrderId) && t.Status == WorkOrderTaskStatus.Open)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, WorkOrderTaskStatus.Done), ct).ConfigureAwait(false);
                break;
            case BulkAction.Cancel:
                var why = reason ?? "Cancelled (bulk)";
                await target.ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WorkOrderStatus.Cancelled).SetProperty(w => w.StatusChangedAt, now)
                    .SetProperty(w => w.CancelledAt, now).SetProperty(w => w.CancellationReason, why)
                    .SetProperty(w => w.Version, w => w.Version + 1).SetProperty(w => w.UpdatedAt, now).SetProperty(w => w.UpdatedBy, by), ct).ConfigureAwait(false);
                await db.WorkOrderTasks.Where(t => ids.Contains(t.WorkOrderId) && t.Status == WorkOrderTaskStatus.Open)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, WorkOrderTaskStatus.Cancelled), ct).ConfigureAwait(false);
                break;
        }

        await StopWaitingClocksAsync(request.Action, changed, now, ct).ConfigureAwait(false);
        await RecordAsync(request, changed, actor, provider, team, reason, ct).ConfigureAwait(false);

        if (request.Action == BulkAction.SendToWorkMarket)
        {
            await outbox.EnqueueAsync(changed.ConvertAll(s => new OutboxEnvelope(
                WorkMarketDispatch.Type, WorkMarketDispatch.Key(s.Id), new WorkMarketDispatch.Payload(s.Id))), ct).ConfigureAwait(false);
        }

        // Taken away from WorkMarket (re-routed, cancelled, deleted): the dispatch handler voids a draft/sent assignment.
        var withdrawn = request.Action is BulkAction.AssignProvider or BulkAction.AssignTeam or BulkAction.Cancel or BulkAction.Delete
            ? changed.Where(s => s.Routing == RoutingKind.WorkMarket).ToList()
            : [];
        if (withdrawn.Count > 0)
        {
            await outbox.EnqueueAsync(withdrawn.ConvertAll(s => new OutboxEnvelope(
                WorkMarketDispatch.Type, WorkMarketDispatch.WithdrawKey(s.Id, Guid.CreateVersion7()), new WorkMarketDispatch.Payload(s.Id))), ct).ConfigureAwait(false);
        }

        await mediator.Publish(new WorkOrdersBulkChanged(request.Action, ids, provider?.Id, team?.Id), ct).ConfigureAwait(false);
    }

    /// <summary>Completing or cancelling work that was waiting stops its SLA clock (the few waiting items one by one).</summary>
    private async Task StopWaitingClocksAsync(BulkAction action, List<WorkOrderSnapshot> changed, DateTime now, CancellationToken ct)
    {
        if (action is not (BulkAction.Complete or BulkAction.Cancel))
        {
            return;
        }

        foreach (var waiting in changed.Where(s => s.WaitingSince is not null))
        {
            var total = waiting.WaitingSeconds + (long)Math.Max(0, (now - waiting.WaitingSince!.Value).TotalSeconds);
            await db.WorkOrders.Where(w => w.Id == waiting.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.WaitingSeconds, total).SetProperty(w => w.WaitingSince, (DateTime?)null), ct).ConfigureAwait(false);
        }
    }

    /// <summary>The status history (for status changes) and the audit trail (for every change), one row per item.</summary>
    private async Task RecordAsync(BulkWorkOrdersCommand request, List<WorkOrderSnapshot> changed, Actor actor,
        ServiceProvider? provider, ServiceProviderTeam? team, string? reason, CancellationToken ct)
    {
        var statusAction = WorkOrderBulkRules.StatusAction(request.Action);
        var note = request.Action switch
        {
            BulkAction.AssignProvider => $"Assigned to {provider!.Name} (bulk)",
            BulkAction.AssignTeam => $"Assigned to team {team!.Name} (bulk)",
            BulkAction.SendToWorkMarket => "Sent to WorkMarket (bulk)",
            _ => reason ?? "Bulk action",
        };
        var history = statusAction is { } a
            ? changed.ConvertAll(s => StatusChange.Record(s.Id, s.Status, WorkOrderStatusMachine.Target(a), a.ToString(), actor, note))
            : [];
        var audit = changed.ConvertAll(s => new AuditEntry(actor.At, actor.UserId, nameof(WorkOrder), s.Id, $"Bulk{request.Action}",
            JsonSerializer.Serialize(new { action = request.Action.ToString(), from = s.Status.ToString(), reason = note })));
        await store.InsertAsync(history, audit, ct).ConfigureAwait(false);
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkOrders.Application.WorkOrders;
using WorkOrders.Domain.WorkOrders;
using WorkOrders.Infrastructure.Jobs;
using WorkOrders.Infrastructure.Persistence;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Infrastructure.WorkMarket;

/// <summary>Delivers a <c>WorkMarketDispatch</c> outbox message: publishes the work order as a WorkMarket
/// assignment and sends it to the configured talent pools / workers, at most one assignment per work order.
/// <list type="number">
/// <item>An assignment id already recorded: only (re)send it (send is allowed again from draft/sent/declined);
/// one voided or cancelled since (the work order was taken back, then routed again) is replaced by a new one.</item>
/// <item>Otherwise look it up by <c>external_work_id</c> first — a create whose outcome was unknown (timeout,
/// lost answer, a crash before we saved the id) is found rather than created twice.</item>
/// <item>Create it only when absent; when the create's own outcome is unknown, look it up again at once; still
/// absent → retry later (the next run looks up first again).</item>
/// </list>
/// A business refusal is recorded (Failed) and dead-letters the message (re-sync after fixing); a transient
/// failure is recorded and rethrown so the outbox job retries with backoff. A work order no longer routed to
/// WorkMarket, cancelled or deleted: its assignment is voided when it is still draft/sent, nothing is created.</summary>
public sealed class WorkMarketDispatchHandler(
    AppDbContext db, WorkMarketClient client, WorkMarketOptions options, TimeProvider clock, ILogger<WorkMarketDispatchHandler> logger)
    : IOutboxMessageHandler
{
    public string Type => WorkMarketDispatch.Type;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var workOrderId = PayloadOf(message);
        var workOrder = await db.WorkOrders.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workOrderId, cancellationToken).ConfigureAwait(false)
            ?? throw new PermanentOutboxFailureException($"Work order {workOrderId} does not exist.");
        var sync = await db.WorkMarketSyncs.SingleOrDefaultAsync(s => s.WorkOrderId == workOrderId, cancellationToken).ConfigureAwait(false);
        var now = Now();
        if (sync is null)
        {
            sync = WorkMarketSync.Start(workOrderId, now);
            db.WorkMarketSyncs.Add(sync);
        }

        if (!options.Enabled)
        {
            sync.Failed("The WorkMarket integration is disabled (WorkMarket:Enabled): nothing was sent.", now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            if (workOrder.IsDeleted || workOrder.Routing != RoutingKind.WorkMarket || workOrder.Status == WorkOrderStatus.Cancelled)
            {
                await WithdrawAsync(workOrder, sync, cancellationToken).ConfigureAwait(false);
                return;
            }

            sync.AttemptStarted(now);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            WorkMarketAssignment? current = null;
            if (sync.AssignmentId is { } known)
            {
                current = await client.GetAssignmentAsync(known, cancellationToken).ConfigureAwait(false);
                if (WorkMarketClient.IsEnded(current.Status))
                {
                    current = null; // voided or cancelled earlier (the work order was taken back): a new assignment is needed
                }
            }

            if (current is null)
            {
                current = await FindAsync(workOrder, sync, cancellationToken).ConfigureAwait(false)
                    ?? await CreateAsync(workOrder, sync, cancellationToken).ConfigureAwait(false);
                sync.Created(current.Id, current.Status, Now());

                // Saved before sending: a crash from here on resends, it never creates again.
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            if (current.Status is "draft" or "sent" or "declined")
            {
                await client.SendAssignmentAsync(current.Id, options.TalentPoolIds, options.WorkerIds, options.AssignToFirstToAccept, cancellationToken)
                    .ConfigureAwait(false);
                sync.Observed("sent", Now());
            }
            else
            {
                // Already accepted, completed, ...: nothing to send, only record where it stands.
                sync.Observed(current.Status, Now());
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WorkMarketException e) when (!e.IsTransient)
        {
            WorkMarketLog.DispatchFailed(logger, workOrderId, e.Message);
            sync.Failed(e.Message, Now());
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            throw new PermanentOutboxFailureException(e.Message, e);
        }
        catch (WorkMarketException e)
        {
            WorkMarketLog.DispatchFailed(logger, workOrderId, e.Message);
            sync.ErrorRecorded(e.Message, Now());
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<WorkMarketAssignment?> FindAsync(WorkOrder workOrder, WorkMarketSync sync, CancellationToken cancellationToken)
    {
        var since = new DateTimeOffset(DateTime.SpecifyKind(sync.CreatedAt, DateTimeKind.Utc)) - options.LookupWindow;
        return await client.FindByExternalIdAsync(ExternalId(workOrder), Math.Max(0, since.ToUnixTimeMilliseconds()), cancellationToken).ConfigureAwait(false);
    }

    private async Task<WorkMarketAssignment> CreateAsync(WorkOrder workOrder, WorkMarketSync sync, CancellationToken cancellationToken)
    {
        var site = await db.CustomerSites.AsNoTracking().Where(s => s.Id == workOrder.SiteId)
            .Select(s => new { s.Name, s.Address }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var start = workOrder.ScheduledStart ?? Now().AddDays(1);
        var description = string.IsNullOrWhiteSpace(workOrder.ServiceRequested) ? workOrder.Title : workOrder.ServiceRequested;
        var request = new CreateAssignment(
            ExternalId(workOrder),
            $"{workOrder.Title} ({workOrder.DisplayNumber})",
            description,
            workOrder.Instructions,
            options.IndustryId,
            start,
            workOrder.ScheduledEnd,
            options.FlatPrice,
            site?.Name,
            site?.Address.Street,
            site?.Address.City,
            site?.Address.Region,
            site?.Address.PostalCode,
            Country(site?.Address.Country));
        try
        {
            var id = await client.CreateAssignmentAsync(request, cancellationToken).ConfigureAwait(false);
            return new WorkMarketAssignment(id, "draft", request.ExternalWorkId, null);
        }
        catch (WorkMarketException e) when (e.Kind == WorkMarketErrorKind.UnknownOutcome)
        {
            WorkMarketLog.UnknownCreate(logger, e, workOrder.Id);
            return await FindAsync(workOrder, sync, cancellationToken).ConfigureAwait(false)
                ?? throw new WorkMarketException(WorkMarketErrorKind.Transient,
                    "The create's outcome is unknown and no assignment was found for this work order yet: retrying later (it is looked up first).", inner: e);
        }
    }

    /// <summary>The work order does not go to WorkMarket any more: void a draft/sent assignment, cancel nothing active
    /// (that costs money and needs a person), record it.</summary>
    private async Task WithdrawAsync(WorkOrder workOrder, WorkMarketSync sync, CancellationToken cancellationToken)
    {
        var reason = workOrder.IsDeleted ? "The work order was deleted."
            : workOrder.Status == WorkOrderStatus.Cancelled ? "The work order was cancelled."
            : "The work order is no longer routed to WorkMarket.";
        string? status = null;
        if (sync.AssignmentId is { } id)
        {
            status = (await client.GetAssignmentAsync(id, cancellationToken).ConfigureAwait(false)).Status;
            if (status is "draft" or "sent" or "declined")
            {
                await client.VoidAsync(id, reason, cancellationToken).ConfigureAwait(false);
                status = "void";
            }
            else if (status is not ("void" or "deleted" or "cancelled" or "cancelledWithPay" or "cancelledPayPending"))
            {
                reason += $" The assignment is {status} on WorkMarket: cancel it there if the work is not wanted.";
            }
        }

        sync.Withdrawn(status, reason, Now());
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ExternalId(WorkOrder workOrder) => workOrder.Number.ToString(CultureInfo.InvariantCulture);

    private string Country(string? country) => country?.Trim().ToUpperInvariant() switch
    {
        "US" or "USA" or "UNITED STATES" => "USA",
        "CA" or "CAN" or "CANADA" => "CAN",
        _ => options.DefaultCountry,
    };

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static Guid PayloadOf(OutboxMessage message)
    {
        try
        {
            var payload = JsonSerializer.Deserialize<WorkMarketDispatch.Payload>(message.Payload);
            return payload is { WorkOrderId: var id } && id != Guid.Empty ? id : throw new PermanentOutboxFailureException($"Outbox message {message.Id}: no WorkOrderId.");
        }
        catch (JsonException e)
        {
            throw new PermanentOutboxFailureException($"Outbox message {message.Id}: the payload is not JSON.", e);
        }
    }
}

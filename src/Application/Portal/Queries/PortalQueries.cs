using WorkOrders.Application.Billing;
using WorkOrders.Domain.Billing;
using WorkOrders.Domain.Portal;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Portal.Queries;

// The portal's reads. Anonymous for the staff pipeline: the token is the credential, checked by PortalGate
// (404 for anything but an active link of the right view). Each read is logged on the link.

/// <summary>What a link opens: its view, its work order (number, title, status), its expiry.</summary>
[AllowAnonymous]
public sealed record GetPortalSessionQuery(string Token) : IRequest<PortalSessionDto>;

[AllowAnonymous]
public sealed record GetPortalWorkAuthorizationQuery(string Token) : IRequest<PortalApprovalViewDto>;

[AllowAnonymous]
public sealed record GetPortalEstimateQuery(string Token) : IRequest<PortalApprovalViewDto>;

[AllowAnonymous]
public sealed record GetPortalProgressReportQuery(string Token) : IRequest<PortalProgressReportDto>;

[AllowAnonymous]
public sealed record GetPortalInvoiceQuery(string Token) : IRequest<PortalInvoiceDto>;

/// <summary>The estimate as a PDF: a signature block while the current version is unsigned, the signature once given.</summary>
[AllowAnonymous]
public sealed record GetPortalEstimatePdfQuery(string Token) : IRequest<PortalFileDto>;

[AllowAnonymous]
public sealed record GetPortalInvoicePdfQuery(string Token) : IRequest<PortalFileDto>;

public sealed class PortalQueryHandlers(IApplicationDbContext db, PortalGate gate, PortalReads reads, IPortalDocuments documents)
    : IRequestHandler<GetPortalSessionQuery, PortalSessionDto>,
      IRequestHandler<GetPortalWorkAuthorizationQuery, PortalApprovalViewDto>,
      IRequestHandler<GetPortalEstimateQuery, PortalApprovalViewDto>,
      IRequestHandler<GetPortalProgressReportQuery, PortalProgressReportDto>,
      IRequestHandler<GetPortalInvoiceQuery, PortalInvoiceDto>,
      IRequestHandler<GetPortalEstimatePdfQuery, PortalFileDto>,
      IRequestHandler<GetPortalInvoicePdfQuery, PortalFileDto>
{
    public async Task<PortalSessionDto> Handle(GetPortalSessionQuery request, CancellationToken cancellationToken)
    {
        var (link, workOrder) = await OpenAsync(request.Token, PortalGate.AnyView, "Open", cancellationToken).ConfigureAwait(false);
        return await reads.BaseAsync(new PortalSessionDto(), workOrder, link, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PortalApprovalViewDto> Handle(GetPortalWorkAuthorizationQuery request, CancellationToken cancellationToken)
    {
        var (link, workOrder) = await OpenAsync(request.Token, [PortalView.WorkAuthorization], "View work authorization", cancellationToken).ConfigureAwait(false);
        return await reads.ApprovalViewAsync(workOrder, link, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PortalApprovalViewDto> Handle(GetPortalEstimateQuery request, CancellationToken cancellationToken)
    {
        var (link, workOrder) = await OpenAsync(request.Token, [PortalView.Estimate], "View estimate", cancellationToken).ConfigureAwait(false);
        return await reads.ApprovalViewAsync(workOrder, link, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PortalProgressReportDto> Handle(GetPortalProgressReportQuery request, CancellationToken cancellationToken)
    {
        var (link, workOrder) = await OpenAsync(request.Token, [PortalView.ProgressReport], "View progress report", cancellationToken).ConfigureAwait(false);
        var balance = await BillingLoads.BalanceAsync(db, workOrder.CustomerId, cancellationToken).ConfigureAwait(false);
        var estimated = workOrder.ApprovedEstimatedHours;
        var worked = workOrder.WorkedHours;
        var preview = WorkOrderBilling.Preview(workOrder, workOrder.BilledHours ?? Math.Max(estimated, worked));
        var entries = await db.CreditHourEntries.AsNoTracking().Where(e => e.CustomerId == workOrder.CustomerId)
            .OrderByDescending(e => e.Sequence).Take(100)
            .Select(e => new { e.CreatedAt, e.Kind, e.Hours, e.BalanceAfter, e.WorkOrderId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var view = new PortalProgressReportDto
        {
            EstimatedLabourHours = estimated,
            PendingEstimatedLabourHours = workOrder.LineItems.Where(i => i.ApprovalStatus == ApprovalStatus.Pending).Sum(i => i.EstimatedLabourHours),
            WorkedHours = worked,
            VarianceHours = worked - estimated,
            PercentOfEstimate = estimated > 0 ? Math.Round(worked * 100m / estimated, 1, MidpointRounding.AwayFromZero) : null,
            CreditBalance = balance,
            ProjectedBilledHours = preview.Billed,
            ProjectedBalance = BillingPolicy.Round(balance - preview.Difference),
            BurnDown = entries.AsEnumerable().Reverse().Select(e => new PortalBurnDownPointDto
            {
                At = e.CreatedAt,
                Kind = e.Kind,
                Hours = e.Hours,
                BalanceAfter = e.BalanceAfter,
                ThisWorkOrder = e.WorkOrderId == workOrder.Id,
            }).ToList(),
        };
        return await reads.BaseAsync(view, workOrder, link, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PortalInvoiceDto> Handle(GetPortalInvoiceQuery request, CancellationToken cancellationToken)
    {
        var (link, workOrder) = await OpenAsync(request.Token, [PortalView.Invoice], "View invoice", cancellationToken).ConfigureAwait(false);
        var parts = PortalReads.Parts(workOrder);
        var view = new PortalInvoiceDto
        {
            WorkedHours = workOrder.WorkedHours,
            BilledHours = workOrder.BilledHours,
            MinimumBilledHours = BillingPolicy.MinimumBilledHours,
            BilledMinimumApplied = workOrder.BilledMinimumApplied,
            BilledAt = workOrder.BilledAt,
            CompletedAt = workOrder.CompletedAt,
            InvoiceStatus = workOrder.InvoiceStatus,
            Parts = parts,
            PartsTotal = parts.Sum(p => p.PartsCost),
        };
        return await reads.BaseAsync(view, workOrder, link, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PortalFileDto> Handle(GetPortalEstimatePdfQuery request, CancellationToken cancellationToken)
    {
        var (_, workOrder) = await OpenAsync(request.Token, [PortalView.Estimate], "Download estimate PDF", cancellationToken).ConfigureAwait(false);
        var (pdf, _) = await reads.RenderEstimateAsync(workOrder, cancellationToken).ConfigureAwait(false);
        return new PortalFileDto($"estimate-{workOrder.DisplayNumber}-v{workOrder.EstimateVersion}.pdf", "application/pdf", pdf);
    }

    public async Task<PortalFileDto> Handle(GetPortalInvoicePdfQuery request, CancellationToken cancellationToken)
    {
        var (_, workOrder) = await OpenAsync(request.Token, [PortalView.Invoice], "Download invoice PDF", cancellationToken).ConfigureAwait(false);
        var pdf = documents.RenderInvoice(await reads.InvoiceDocumentAsync(workOrder, cancellationToken).ConfigureAwait(false));
        return new PortalFileDto($"invoice-{workOrder.DisplayNumber}.pdf", "application/pdf", pdf);
    }

    /// <summary>Opens the link (404 otherwise), records the access (saved at once: reads run outside a transaction)
    /// and loads the link's work order — the only one a token ever reaches.</summary>
    private async Task<(PortalLink Link, WorkOrder WorkOrder)> OpenAsync(string token, PortalView[] views, string action, CancellationToken cancellationToken)
    {
        var link = await gate.OpenAsync(token, views, action, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var workOrder = await reads.LoadAsync(link.WorkOrderId, cancellationToken).ConfigureAwait(false);
        return (link, workOrder);
    }
}

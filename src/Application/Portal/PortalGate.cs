using System.Security.Cryptography;
using System.Text;
using WorkOrders.Domain.Portal;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Portal;

/// <summary>The portal's own authentication: a token resolves to (work order, view) and to nothing else. A token
/// that is unknown, malformed, expired, revoked, for another view or for a deleted work order gets the very same
/// 404 (same message; the same two indexed lookups run in every case — no early exit that answers faster).
/// Every successful use writes an access-log row and the link's last use.</summary>
public sealed class PortalGate(IApplicationDbContext db, TimeProvider clock, IClientInfo client)
{
    public const string NotFoundMessage = "This portal link is not valid. It may have expired or been revoked: ask for a new link.";

    public static readonly PortalView[] AnyView = [PortalView.WorkAuthorization, PortalView.Estimate, PortalView.ProgressReport, PortalView.Invoice];
    public static readonly PortalView[] ApprovalViews = [PortalView.WorkAuthorization, PortalView.Estimate];

    public async Task<PortalLink> OpenAsync(string token, IReadOnlyCollection<PortalView> views, string action, CancellationToken cancellationToken)
    {
        var hash = PortalToken.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = await db.PortalLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        var workOrderId = link?.WorkOrderId ?? Guid.Empty;
        var live = await db.WorkOrders.AnyAsync(w => w.Id == workOrderId && !w.IsDeleted, cancellationToken).ConfigureAwait(false);
        if (link is null || !live || !link.Grants(views, now))
        {
            throw new NotFoundException(NotFoundMessage);
        }

        db.PortalAccessLog.Add(link.RecordUse(now, client.Address, client.UserAgent, action));
        return link;
    }

    /// <summary>The Idempotency-Key as stored: scoped to the token (portal callers are all anonymous), fixed length.</summary>
    public static string? ScopedKey(string scope, string? clientKey) => string.IsNullOrEmpty(clientKey)
        ? null
        : "portal:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + clientKey)));
}

/// <summary>Loads and shapes the portal's views from the work order (never more than the link's work order).</summary>
public sealed class PortalReads(IApplicationDbContext db, TimeProvider clock, IPortalDocuments documents)
{
    public Task<WorkOrder> LoadAsync(Guid workOrderId, CancellationToken cancellationToken) =>
        db.WorkOrders.Include(w => w.LineItems).Include(w => w.Comments).Include(w => w.Signatures)
            .SingleAsync(w => w.Id == workOrderId, cancellationToken);

    public async Task<PortalWorkOrderDto> HeaderAsync(WorkOrder workOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workOrder);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == workOrder.CustomerId).Select(c => c.Name)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var site = await db.CustomerSites.AsNoTracking().Where(s => s.Id == workOrder.SiteId).Select(s => s.Name)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        return new PortalWorkOrderDto
        {
            Number = workOrder.DisplayNumber,
            Title = workOrder.Title,
            Status = workOrder.Status,
            CustomerName = customer,
            SiteName = site,
        };
    }

    public static IReadOnlyList<PortalCommentDto> Comments(WorkOrder workOrder) => workOrder.Comments
        .Where(c => c.DeletedAt == null).OrderBy(c => c.CreatedAt)
        .Select(c => new PortalCommentDto { Id = c.Id, AuthorName = c.AuthorName, Text = c.Text, ByCustomer = c.ByCustomer, CreatedAt = c.CreatedAt })
        .ToList();

    public async Task<T> BaseAsync<T>(T view, WorkOrder workOrder, PortalLink link, CancellationToken cancellationToken)
        where T : PortalViewBase
    {
        ArgumentNullException.ThrowIfNull(link);
        return view with
        {
            View = link.View,
            ExpiresAt = link.ExpiresAt,
            Version = workOrder.Version,
            WorkOrder = await HeaderAsync(workOrder, cancellationToken).ConfigureAwait(false),
            Comments = Comments(workOrder),
        };
    }

    public Task<PortalApprovalViewDto> ApprovalViewAsync(WorkOrder workOrder, PortalLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workOrder);
        ArgumentNullException.ThrowIfNull(link);
        var prices = link.View == PortalView.Estimate;
        var items = workOrder.LineItems.OrderBy(i => i.CreatedAt).ToList();
        var signature = prices ? workOrder.CurrentSignature : null;
        var view = new PortalApprovalViewDto
        {
            EstimateVersion = workOrder.EstimateVersion,
            LineItems = items.Select(i => new PortalLineItemDto
            {
                Id = i.Id,
                Description = i.Description,
                EstimatedLabourHours = i.EstimatedLabourHours,
                HourlyRate = prices ? i.HourlyRate : null,
                PartsCost = prices ? i.PartsCost : null,
                Total = prices ? i.Total : null,
                ApprovalStatus = i.ApprovalStatus,
                ApprovalNote = i.ApprovalNote,
                DecidedAt = i.DecidedAt,
                Revision = i.Revision,
                ApprovalStale = i.ApprovalStale,
                PreviousApprovalStatus = i.PreviousApprovalStatus,
            }).ToList(),
            PendingCount = items.Count(i => i.ApprovalStatus == ApprovalStatus.Pending),
            Total = prices ? items.Sum(i => i.Total) : null,
            Signature = signature is null ? null : new PortalSignatureDto
            {
                SignerName = signature.SignerName,
                SignedAt = signature.SignedAt,
                EstimateVersion = signature.EstimateVersion,
                EstimatePdfSha256 = signature.EstimatePdfSha256,
            },
            SignatureRequired = prices && signature is null && items.Count > 0,
        };
        return BaseAsync(view, workOrder, link, cancellationToken);
    }

    public async Task<EstimateDocument> EstimateDocumentAsync(WorkOrder workOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workOrder);
        var header = await HeaderAsync(workOrder, cancellationToken).ConfigureAwait(false);
        var items = workOrder.LineItems.OrderBy(i => i.CreatedAt).ToList();
        var signature = workOrder.CurrentSignature;
        return new EstimateDocument(
            header.Number,
            header.Title,
            header.CustomerName,
            header.SiteName,
            workOrder.EstimateVersion,
            items.Select(i => new EstimateDocumentLine(i.Description, i.EstimatedLabourHours, i.HourlyRate, i.PartsCost, i.Total, i.ApprovalStatus, i.ApprovalStale)).ToList(),
            items.Sum(i => i.Total),
            items.Count(i => i.ApprovalStatus == ApprovalStatus.Pending),
            signature is null ? null : new EstimateDocumentSignature(signature.SignerName, signature.SignedAt, signature.Image));
    }

    /// <summary>The estimate PDF as it renders now, and its SHA-256 (hex).</summary>
    public async Task<(byte[] Pdf, string Sha256)> RenderEstimateAsync(WorkOrder workOrder, CancellationToken cancellationToken)
    {
        var pdf = documents.RenderEstimate(await EstimateDocumentAsync(workOrder, cancellationToken).ConfigureAwait(false));
        return (pdf, Convert.ToHexStringLower(SHA256.HashData(pdf)));
    }

    public async Task<InvoiceDocument> InvoiceDocumentAsync(WorkOrder workOrder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workOrder);
        var header = await HeaderAsync(workOrder, cancellationToken).ConfigureAwait(false);
        var parts = Parts(workOrder);
        return new InvoiceDocument(
            header.Number,
            header.Title,
            header.CustomerName,
            header.SiteName,
            workOrder.Status.ToString(),
            workOrder.CompletedAt,
            workOrder.WorkedHours,
            workOrder.BilledHours,
            Domain.Billing.BillingPolicy.MinimumBilledHours,
            workOrder.BilledMinimumApplied,
            parts.Select(p => new InvoiceDocumentPart(p.Description, p.PartsCost)).ToList(),
            parts.Sum(p => p.PartsCost));
    }

    /// <summary>The parts billed: those of the approved line items.</summary>
    public static List<PortalInvoicePartDto> Parts(WorkOrder workOrder) => workOrder.LineItems
        .Where(i => i.ApprovalStatus == ApprovalStatus.Approved && i.PartsCost > 0).OrderBy(i => i.CreatedAt)
        .Select(i => new PortalInvoicePartDto(i.Description, i.PartsCost)).ToList();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
}

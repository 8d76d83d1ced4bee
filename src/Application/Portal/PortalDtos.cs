using WorkOrders.Domain.Billing;
using WorkOrders.Domain.Portal;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Portal;

/// <summary>The work order as the portal shows it: number, title, status, customer and site names — nothing else.</summary>
public sealed record PortalWorkOrderDto
{
    public string Number { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public WorkOrderStatus Status { get; init; }
    public string CustomerName { get; init; } = string.Empty;
    public string SiteName { get; init; } = string.Empty;
}

public sealed record PortalCommentDto
{
    public Guid Id { get; init; }
    public string AuthorName { get; init; } = string.Empty;
    public string Text { get; init; } = string.Empty;
    public bool ByCustomer { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>What every portal answer carries: the view, the link's expiry, the version (the ETag for writes) and the comments.</summary>
public abstract record PortalViewBase
{
    public PortalView View { get; init; }
    public DateTime ExpiresAt { get; init; }

    /// <summary>The version of the view's data (also the ETag): send it as If-Match with every write.</summary>
    public int Version { get; init; }

    public PortalWorkOrderDto WorkOrder { get; init; } = new();
    public IReadOnlyList<PortalCommentDto> Comments { get; init; } = [];
}

/// <summary>What the link opens (GET /portal/{token}): which view, for which work order, until when.</summary>
public sealed record PortalSessionDto : PortalViewBase;

public sealed record PortalLineItemDto
{
    public Guid Id { get; init; }
    public string Description { get; init; } = string.Empty;
    public decimal EstimatedLabourHours { get; init; }

    /// <summary>Prices: only on the Estimate view (null on Work Authorization).</summary>
    public decimal? HourlyRate { get; init; }

    public decimal? PartsCost { get; init; }
    public decimal? Total { get; init; }
    public ApprovalStatus ApprovalStatus { get; init; }
    public string? ApprovalNote { get; init; }
    public DateTime? DecidedAt { get; init; }
    public int Revision { get; init; }

    /// <summary>The item changed after the customer decided: it is Pending again and needs a new decision.</summary>
    public bool ApprovalStale { get; init; }

    public ApprovalStatus? PreviousApprovalStatus { get; init; }
}

public sealed record PortalSignatureDto
{
    public string SignerName { get; init; } = string.Empty;
    public DateTime SignedAt { get; init; }
    public int EstimateVersion { get; init; }
    public string EstimatePdfSha256 { get; init; } = string.Empty;
}

/// <summary>The Work Authorization view (no prices) and the Estimate view (prices, total, signature).</summary>
public sealed record PortalApprovalViewDto : PortalViewBase
{
    public int EstimateVersion { get; init; }
    public IReadOnlyList<PortalLineItemDto> LineItems { get; init; } = [];
    public int PendingCount { get; init; }

    /// <summary>Estimate only: the sum of the line items' totals.</summary>
    public decimal? Total { get; init; }

    /// <summary>Estimate only: the signature of the current estimate version, once given.</summary>
    public PortalSignatureDto? Signature { get; init; }

    /// <summary>Estimate only: the current version is not signed yet.</summary>
    public bool SignatureRequired { get; init; }
}

public sealed record PortalBurnDownPointDto
{
    public DateTime At { get; init; }
    public CreditHourEntryKind Kind { get; init; }
    public decimal Hours { get; init; }
    public decimal BalanceAfter { get; init; }

    /// <summary>True for the entries of this work order (other work of the customer is not named).</summary>
    public bool ThisWorkOrder { get; init; }
}

/// <summary>The Progress Report view: estimated labour hours of the approved line items against the worked hours,
/// and the customer's credit-hour bank burning down.</summary>
public sealed record PortalProgressReportDto : PortalViewBase
{
    public decimal EstimatedLabourHours { get; init; }
    public decimal PendingEstimatedLabourHours { get; init; }
    public decimal WorkedHours { get; init; }
    public decimal VarianceHours { get; init; }
    public decimal? PercentOfEstimate { get; init; }
    public decimal CreditBalance { get; init; }
    public decimal ProjectedBilledHours { get; init; }
    public decimal ProjectedBalance { get; init; }
    public IReadOnlyList<PortalBurnDownPointDto> BurnDown { get; init; } = [];
}

public sealed record PortalInvoicePartDto(string Description, decimal PartsCost);

/// <summary>The Invoice view: billed hours (with the 1-hour minimum shown) and parts.</summary>
public sealed record PortalInvoiceDto : PortalViewBase
{
    public decimal WorkedHours { get; init; }
    public decimal? BilledHours { get; init; }
    public decimal MinimumBilledHours { get; init; }
    public bool BilledMinimumApplied { get; init; }
    public DateTime? BilledAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public InvoiceStatus InvoiceStatus { get; init; }
    public IReadOnlyList<PortalInvoicePartDto> Parts { get; init; } = [];
    public decimal PartsTotal { get; init; }
}

/// <summary>A customer comment just added, and the view's new version (ETag).</summary>
public sealed record PortalCommentResultDto(PortalCommentDto Comment, int Version);

/// <summary>A file (PDF) of the portal.</summary>
public sealed record PortalFileDto(string FileName, string ContentType, byte[] Content);

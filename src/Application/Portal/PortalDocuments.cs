using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Portal;

public sealed record EstimateDocumentLine(string Description, decimal EstimatedLabourHours, decimal HourlyRate, decimal PartsCost, decimal Total, ApprovalStatus ApprovalStatus, bool ApprovalStale);

public sealed record EstimateDocumentSignature(string SignerName, DateTime SignedAt, byte[] Image);

/// <summary>What the estimate PDF shows. Only content: rendering the same document twice gives the same bytes.</summary>
public sealed record EstimateDocument(
    string Number,
    string Title,
    string CustomerName,
    string SiteName,
    int EstimateVersion,
    IReadOnlyList<EstimateDocumentLine> Lines,
    decimal Total,
    int PendingCount,
    EstimateDocumentSignature? Signature);

public sealed record InvoiceDocumentPart(string Description, decimal PartsCost);

/// <summary>What the invoice PDF shows.</summary>
public sealed record InvoiceDocument(
    string Number,
    string Title,
    string CustomerName,
    string SiteName,
    string Status,
    DateTime? CompletedAt,
    decimal WorkedHours,
    decimal? BilledHours,
    decimal MinimumBilledHours,
    bool BilledMinimumApplied,
    IReadOnlyList<InvoiceDocumentPart> Parts,
    decimal PartsTotal);

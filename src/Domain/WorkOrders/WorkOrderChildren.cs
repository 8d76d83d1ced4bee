using WorkOrders.Domain.Common;

namespace WorkOrders.Domain.WorkOrders;

/// <summary>A line item ("discrepancy") of the estimate: labour hours, parts, rate, and the customer's decision.</summary>
public sealed class LineItem : Entity
{
    private LineItem()
    {
        Description = string.Empty;
    }

    internal LineItem(Guid workOrderId, string description, decimal estimatedLabourHours, decimal partsCost, decimal hourlyRate, DateTime at)
    {
        WorkOrderId = workOrderId;
        Description = Guard.Required(description, nameof(Description), 1000);
        Set(estimatedLabourHours, partsCost, hourlyRate);
        ApprovalStatus = ApprovalStatus.Pending;
        CreatedAt = at;
    }

    public Guid WorkOrderId { get; private set; }
    public string Description { get; private set; }
    public decimal EstimatedLabourHours { get; private set; }
    public decimal PartsCost { get; private set; }
    public decimal HourlyRate { get; private set; }
    public ApprovalStatus ApprovalStatus { get; private set; }
    public string? ApprovalNote { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>Bumped on every edit, so a decision taken on an older version can be recognised as stale.</summary>
    public int Revision { get; private set; } = 1;

    /// <summary>The estimate version (<see cref="WorkOrder.EstimateVersion"/>) the current decision was taken on.</summary>
    public int? DecidedEstimateVersion { get; private set; }

    /// <summary>SHA-256 (hex) of the estimate PDF as rendered when the current decision was taken (portal decisions).</summary>
    public string? DecidedPdfSha256 { get; private set; }

    /// <summary>The customer had decided, then the item was edited: the old decision no longer holds and the
    /// customer is asked again (Pending). Cleared by the next decision.</summary>
    public bool ApprovalStale { get; private set; }

    /// <summary>The decision made stale by the last edit (kept, with the full trail in <see cref="WorkOrder.Decisions"/>).</summary>
    public ApprovalStatus? PreviousApprovalStatus { get; private set; }

    public string? PreviousApprovalNote { get; private set; }
    public DateTime? PreviousDecidedAt { get; private set; }
    public int? PreviousDecidedEstimateVersion { get; private set; }

    public decimal Total => (EstimatedLabourHours * HourlyRate) + PartsCost;

    internal void Update(string description, decimal estimatedLabourHours, decimal partsCost, decimal hourlyRate)
    {
        Description = Guard.Required(description, nameof(Description), 1000);
        Set(estimatedLabourHours, partsCost, hourlyRate);
        Revision++;

        // Editing an item the customer already decided on asks the customer again; the old decision is kept.
        if (ApprovalStatus != ApprovalStatus.Pending)
        {
            ApprovalStale = true;
            PreviousApprovalStatus = ApprovalStatus;
            PreviousApprovalNote = ApprovalNote;
            PreviousDecidedAt = DecidedAt;
            PreviousDecidedEstimateVersion = DecidedEstimateVersion;
        }

        ApprovalStatus = ApprovalStatus.Pending;
        ApprovalNote = null;
        DecidedAt = null;
        DecidedEstimateVersion = null;
        DecidedPdfSha256 = null;
    }

    /// <summary>True when deciding <paramref name="status"/> with <paramref name="note"/> would change nothing (a repeat).</summary>
    internal bool IsSameDecision(ApprovalStatus status, string? note) =>
        status == ApprovalStatus && !ApprovalStale && string.Equals(Normalize(note), ApprovalNote, StringComparison.Ordinal);

    internal void Decide(ApprovalStatus status, string? note, DateTime at, int estimateVersion, string? pdfSha256)
    {
        ApprovalStatus = status;
        ApprovalNote = Normalize(note);
        DecidedAt = status == ApprovalStatus.Pending ? null : at;
        DecidedEstimateVersion = status == ApprovalStatus.Pending ? null : estimateVersion;
        DecidedPdfSha256 = status == ApprovalStatus.Pending ? null : pdfSha256;
        ApprovalStale = false;
    }

    private static string? Normalize(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private void Set(decimal hours, decimal parts, decimal rate)
    {
        if (hours < 0 || parts < 0 || rate < 0)
        {
            throw new ArgumentException("Hours, parts cost and rate must not be negative.");
        }

        EstimatedLabourHours = hours;
        PartsCost = parts;
        HourlyRate = rate;
    }
}

/// <summary>A comment on a work order, by staff (or later by the customer in the portal).</summary>
public sealed class Comment : Entity
{
    private Comment()
    {
        AuthorName = string.Empty;
        Text = string.Empty;
    }

    internal Comment(Guid workOrderId, Actor author, string text, bool byCustomer)
    {
        WorkOrderId = workOrderId;
        AuthorId = author.UserId;
        AuthorName = author.Name;
        Text = Guard.Required(text, nameof(Text), 4000);
        ByCustomer = byCustomer;
        CreatedAt = author.At;
    }

    public Guid WorkOrderId { get; private set; }
    public string? AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public string Text { get; private set; }
    public bool ByCustomer { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public string? DeletedBy { get; private set; }

    internal void Delete(Actor actor)
    {
        DeletedAt = actor.At;
        DeletedBy = actor.UserId;
    }
}

/// <summary>One change of status: from, to, by whom, when, why.</summary>
public sealed class StatusChange : Entity
{
    private StatusChange()
    {
        ChangedByName = string.Empty;
    }

    /// <summary>A history row for a change applied set-based (bulk actions), outside a loaded aggregate.</summary>
    public static StatusChange Record(Guid workOrderId, WorkOrderStatus? from, WorkOrderStatus to, string action, Actor actor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new StatusChange(workOrderId, from, to, action, actor, reason);
    }

    internal StatusChange(Guid workOrderId, WorkOrderStatus? from, WorkOrderStatus to, string action, Actor actor, string? reason)
    {
        WorkOrderId = workOrderId;
        From = from;
        To = to;
        Action = action;
        ChangedBy = actor.UserId;
        ChangedByName = actor.Name;
        ChangedAt = actor.At;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    public Guid WorkOrderId { get; private set; }
    public WorkOrderStatus? From { get; private set; }
    public WorkOrderStatus To { get; private set; }
    public string Action { get; private set; } = string.Empty;
    public string? ChangedBy { get; private set; }
    public string ChangedByName { get; private set; }
    public DateTime ChangedAt { get; private set; }
    public string? Reason { get; private set; }
}

/// <summary>A sub-step of a work order; cancelled with it.</summary>
public sealed class WorkOrderTask : Entity
{
    private WorkOrderTask()
    {
        Title = string.Empty;
    }

    internal WorkOrderTask(Guid workOrderId, string title)
    {
        WorkOrderId = workOrderId;
        Title = Guard.Required(title, nameof(Title), 300);
        Status = WorkOrderTaskStatus.Open;
    }

    public Guid WorkOrderId { get; private set; }
    public string Title { get; private set; }
    public WorkOrderTaskStatus Status { get; private set; }

    internal void MarkDone() => Status = WorkOrderTaskStatus.Done;

    internal bool CancelIfOpen()
    {
        if (Status != WorkOrderTaskStatus.Open)
        {
            return false;
        }

        Status = WorkOrderTaskStatus.Cancelled;
        return true;
    }
}

/// <summary>One decision on a line item, kept forever: what was decided, on which revision of the item and which
/// version of the estimate, the SHA-256 of the estimate PDF as rendered at that moment, and through which link.</summary>
public sealed class LineItemDecision : Entity
{
    private LineItemDecision()
    {
        DecidedBy = string.Empty;
    }

    internal LineItemDecision(Guid workOrderId, LineItem item, DateTime at, int estimateVersion, string? pdfSha256, Guid? portalLinkId, string decidedBy)
    {
        WorkOrderId = workOrderId;
        LineItemId = item.Id;
        LineItemRevision = item.Revision;
        Decision = item.ApprovalStatus;
        Note = item.ApprovalNote;
        DecidedAt = at;
        EstimateVersion = estimateVersion;
        EstimatePdfSha256 = pdfSha256;
        PortalLinkId = portalLinkId;
        DecidedBy = decidedBy.Length > 320 ? decidedBy[..320] : decidedBy;
    }

    public Guid WorkOrderId { get; private set; }
    public Guid LineItemId { get; private set; }
    public int LineItemRevision { get; private set; }
    public ApprovalStatus Decision { get; private set; }
    public string? Note { get; private set; }
    public DateTime DecidedAt { get; private set; }
    public int EstimateVersion { get; private set; }
    public string? EstimatePdfSha256 { get; private set; }
    public Guid? PortalLinkId { get; private set; }
    public string DecidedBy { get; private set; }
}

/// <summary>The customer's formal authorization of an estimate version: a drawn signature (PNG) and a typed name,
/// with the SHA-256 of the estimate PDF as it was rendered when signing.</summary>
public sealed class EstimateSignature : Entity
{
    public const int SignerNameMaxLength = 200;

    private EstimateSignature()
    {
        SignerName = string.Empty;
        Image = [];
        EstimatePdfSha256 = string.Empty;
    }

    internal EstimateSignature(Guid workOrderId, string signerName, byte[] image, DateTime at, int estimateVersion, string estimatePdfSha256, Guid? portalLinkId)
    {
        WorkOrderId = workOrderId;
        SignerName = Guard.Required(signerName, nameof(SignerName), SignerNameMaxLength);
        Image = image.Length > 0 ? image : throw new ArgumentException("A signature image is required.", nameof(image));
        SignedAt = at;
        EstimateVersion = estimateVersion;
        EstimatePdfSha256 = Guard.Required(estimatePdfSha256, nameof(EstimatePdfSha256), 64);
        PortalLinkId = portalLinkId;
    }

    public Guid WorkOrderId { get; private set; }
    public string SignerName { get; private set; }

    /// <summary>The drawn signature as PNG bytes.</summary>
    public byte[] Image { get; private set; }

    public DateTime SignedAt { get; private set; }
    public int EstimateVersion { get; private set; }
    public string EstimatePdfSha256 { get; private set; }
    public Guid? PortalLinkId { get; private set; }
}

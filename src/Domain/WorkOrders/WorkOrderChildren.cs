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

    public decimal Total => (EstimatedLabourHours * HourlyRate) + PartsCost;

    internal void Update(string description, decimal estimatedLabourHours, decimal partsCost, decimal hourlyRate)
    {
        Description = Guard.Required(description, nameof(Description), 1000);
        Set(estimatedLabourHours, partsCost, hourlyRate);
        Revision++;

        // Editing an item the customer already decided on asks the customer again.
        ApprovalStatus = ApprovalStatus.Pending;
        DecidedAt = null;
    }

    internal void Decide(ApprovalStatus status, string? note, DateTime at)
    {
        ApprovalStatus = status;
        ApprovalNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        DecidedAt = status == ApprovalStatus.Pending ? null : at;
    }

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

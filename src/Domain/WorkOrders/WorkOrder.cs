using WorkOrders.Domain.Billing;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.Contracts;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;
using WorkOrders.Domain.ServiceProviders;

namespace WorkOrders.Domain.WorkOrders;

/// <summary>What is to be done, where, for whom: the editable details of a work order.</summary>
public sealed record WorkOrderDetails(
    string Title,
    string ServiceRequested,
    string? Instructions,
    string? Materials,
    WorkOrderCategory Category,
    DateTime? ScheduledStart,
    DateTime? ScheduledEnd,
    IReadOnlyCollection<Guid> EquipmentIds);

/// <summary>The person who opened the work order when it is not the customer's primary contact.</summary>
public sealed record Requester(string Name, string Email);

/// <summary>The work order aggregate. Its status changes only through the status machine
/// (<see cref="WorkOrderStatusMachine"/>), each change recorded in the history with who, when and why.</summary>
public sealed class WorkOrder : AuditableEntity
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    private readonly List<Guid> _equipmentIds = [];
    private readonly List<LineItem> _lineItems = [];
    private readonly List<Comment> _comments = [];
    private readonly List<StatusChange> _history = [];
    private readonly List<WorkOrderTask> _tasks = [];
    private readonly List<TimeEntry> _timeEntries = [];
    private readonly List<LineItemDecision> _decisions = [];
    private readonly List<EstimateSignature> _signatures = [];

    private WorkOrder()
    {
        Title = string.Empty;
        ServiceRequested = string.Empty;
        SearchText = string.Empty;
    }

    public long Number { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid SiteId { get; private set; }
    public Guid? ContractId { get; private set; }
    public IReadOnlyCollection<Guid> EquipmentIds => _equipmentIds.AsReadOnly();
    public string Title { get; private set; }
    public string ServiceRequested { get; private set; }
    public string? Instructions { get; private set; }
    public string? Materials { get; private set; }
    public WorkOrderCategory Category { get; private set; }
    public DateTime? ScheduledStart { get; private set; }
    public DateTime? ScheduledEnd { get; private set; }
    public WorkOrderSource Source { get; private set; }
    public string? RequesterName { get; private set; }
    public string? RequesterEmail { get; private set; }

    /// <summary>Upper-case invariant number, title, service requested and requester: the free-text search key.</summary>
    public string SearchText { get; private set; }

    public WorkOrderStatus Status { get; private set; }
    public DateTime StatusChangedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public string? CompletionNotes { get; private set; }
    public DateTime? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }

    public RoutingKind Routing { get; private set; }
    public Guid? ProviderId { get; private set; }
    public Guid? TeamId { get; private set; }

    public InvoiceStatus InvoiceStatus { get; private set; }
    public string? PaymentApprovedBy { get; private set; }
    public DateTime? PaymentApprovedAt { get; private set; }

    /// <summary>The sum of the hours of the finished time entries (see <see cref="TimeEntries"/>).</summary>
    public decimal WorkedHours { get; private set; }

    /// <summary>The fair charge, set by an assessor once the work is completed; never below the billing minimum.</summary>
    public decimal? BilledHours { get; private set; }

    /// <summary>The assessor asked for less than the minimum and the minimum was billed.</summary>
    public bool BilledMinimumApplied { get; private set; }

    public DateTime? BilledAt { get; private set; }

    /// <summary>The SLA clock: when the current waiting period began, and the waiting time already accumulated.</summary>
    public DateTime? WaitingSince { get; private set; }
    public long WaitingSeconds { get; private set; }

    /// <summary>The version of the estimate (the line items): 1 at creation, bumped by every added or edited line item.
    /// Decisions and signatures record the version they were given on.</summary>
    public int EstimateVersion { get; private set; } = 1;

    /// <summary>The last decision, comment or signature by the customer in the portal (changes the work order's version,
    /// so the portal's ETag moves with every customer write).</summary>
    public DateTime? CustomerActivityAt { get; private set; }

    public bool IsDeleted { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public string? DeletedBy { get; private set; }

    public IReadOnlyCollection<LineItem> LineItems => _lineItems.AsReadOnly();
    public IReadOnlyCollection<Comment> Comments => _comments.AsReadOnly();
    public IReadOnlyCollection<StatusChange> History => _history.AsReadOnly();
    public IReadOnlyCollection<WorkOrderTask> Tasks => _tasks.AsReadOnly();

    /// <summary>Every decision on the line items, oldest first (loaded by the portal and history use cases; new ones are added).</summary>
    public IReadOnlyCollection<LineItemDecision> Decisions => _decisions.AsReadOnly();

    /// <summary>The estimate's signatures (loaded by the portal use cases).</summary>
    public IReadOnlyCollection<EstimateSignature> Signatures => _signatures.AsReadOnly();

    /// <summary>The signature of the current estimate version, if the customer signed it (requires <see cref="Signatures"/> loaded).</summary>
    public EstimateSignature? CurrentSignature =>
        _signatures.Where(s => s.EstimateVersion == EstimateVersion).OrderByDescending(s => s.SignedAt).FirstOrDefault();

    /// <summary>Loaded only by the time and billing use cases.</summary>
    public IReadOnlyCollection<TimeEntry> TimeEntries => _timeEntries.AsReadOnly();

    public bool IsOpen => WorkOrderStatusMachine.IsOpen(Status);

    public string DisplayNumber => WorkOrderNumber.Format(Number);

    /// <summary>Opens a work order for an active customer at one of its active sites. Office work orders start
    /// as Draft; every other source (portal, e-mail, phone, technician, event, partner) starts Published ("New").</summary>
    public static WorkOrder Create(
        long number,
        Customer customer,
        CustomerSite site,
        Contract? contract,
        WorkOrderDetails details,
        WorkOrderSource source,
        Requester? requester,
        Actor actor)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(actor);
        customer.EnsureAcceptsNewWork("work orders");
        CheckRule(new Assets.SiteMustBelongToCustomer(site, customer));
        site.EnsureAcceptsNewWork("work orders");
        if (contract is not null)
        {
            CheckRule(new ContractMustBeActiveForWork(contract, customer));
        }

        var status = source == WorkOrderSource.Office ? WorkOrderStatus.Draft : WorkOrderStatus.Published;
        var workOrder = new WorkOrder
        {
            Number = number > 0 ? number : throw new ArgumentOutOfRangeException(nameof(number)),
            CustomerId = customer.Id,
            SiteId = site.Id,
            ContractId = contract?.Id,
            Source = source,
            RequesterName = Guard.Optional(requester?.Name, "Requester name", 200),
            RequesterEmail = Guard.Optional(requester?.Email, "Requester email", 320),
            Status = status,
            StatusChangedAt = actor.At,
            Routing = RoutingKind.Unassigned,
            InvoiceStatus = InvoiceStatus.No,
        };
        workOrder.SetDetails(details);
        workOrder._history.Add(new StatusChange(workOrder.Id, null, status, "Create", actor, $"Opened from {source}"));
        workOrder.AddDomainEvent(new WorkOrderCreated(workOrder.Id, source));
        return workOrder;
    }

    public void Update(WorkOrderDetails details)
    {
        EnsureEditable();
        SetDetails(details);
    }

    public void Publish(Actor actor) => Transition(WorkOrderAction.Publish, actor, null);

    public void AssignToProvider(ServiceProvider provider, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(provider);
        EnsureNotDeleted();
        provider.EnsureAssignable();
        Transition(WorkOrderAction.Assign, actor, $"Assigned to {provider.Name}");
        (Routing, ProviderId, TeamId) = (RoutingKind.Provider, provider.Id, null);
        AddDomainEvent(new WorkOrderAssigned(Id, RoutingKind.Provider, provider.Id));
    }

    public void AssignToTeam(ServiceProviderTeam team, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(team);
        EnsureNotDeleted();
        team.EnsureAssignable();
        Transition(WorkOrderAction.Assign, actor, $"Assigned to team {team.Name}");
        (Routing, ProviderId, TeamId) = (RoutingKind.Team, null, team.Id);
        AddDomainEvent(new WorkOrderAssigned(Id, RoutingKind.Team, team.Id));
    }

    /// <summary>Routes the work to the WorkMarket marketplace; the dispatch itself is a background job.</summary>
    public void SendToWorkMarket(Actor actor)
    {
        Transition(WorkOrderAction.Assign, actor, "Sent to WorkMarket");
        (Routing, ProviderId, TeamId) = (RoutingKind.WorkMarket, null, null);
        AddDomainEvent(new WorkOrderAssigned(Id, RoutingKind.WorkMarket, null));
    }

    public void Unassign(Actor actor, string? reason)
    {
        Transition(WorkOrderAction.Unassign, actor, reason);
        (Routing, ProviderId, TeamId) = (RoutingKind.Unassigned, null, null);
    }

    public void Start(Actor actor) => Transition(WorkOrderAction.Start, actor, null);

    public void Wait(WorkOrderAction waitAction, Actor actor, string? reason)
    {
        if (waitAction is not (WorkOrderAction.WaitForParts or WorkOrderAction.WaitForVendor or WorkOrderAction.WaitForCustomer))
        {
            throw new ArgumentOutOfRangeException(nameof(waitAction), waitAction, "Not a waiting action.");
        }

        Transition(waitAction, actor, reason);
    }

    public void Resume(Actor actor, string? reason) => Transition(WorkOrderAction.Resume, actor, reason);

    public void Complete(Actor actor, string? notes)
    {
        Transition(WorkOrderAction.Complete, actor, notes);
        CompletedAt = actor.At;
        CompletionNotes = Guard.Optional(notes, "Completion notes", TextMaxLength);
        _tasks.Where(t => t.Status == WorkOrderTaskStatus.Open).ToList().ForEach(t => t.MarkDone());
    }

    /// <summary>Cancels the work order and its open tasks; returns how many tasks were cancelled.</summary>
    public int Cancel(Actor actor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var why = string.IsNullOrWhiteSpace(reason) ? "Cancelled" : reason.Trim();
        Transition(WorkOrderAction.Cancel, actor, why);
        CancelledAt = actor.At;
        CancellationReason = why.Length > 500 ? why[..500] : why;
        return _tasks.Count(t => t.CancelIfOpen());
    }

    /// <summary>Applies an action of the status machine by name (the transitions endpoint).</summary>
    public void Apply(WorkOrderAction action, Actor actor, string? reason)
    {
        switch (action)
        {
            case WorkOrderAction.Publish: Publish(actor); break;
            case WorkOrderAction.Unassign: Unassign(actor, reason); break;
            case WorkOrderAction.Start: Start(actor); break;
            case WorkOrderAction.WaitForParts or WorkOrderAction.WaitForVendor or WorkOrderAction.WaitForCustomer: Wait(action, actor, reason); break;
            case WorkOrderAction.Resume: Resume(actor, reason); break;
            case WorkOrderAction.Complete: Complete(actor, reason); break;
            case WorkOrderAction.Cancel: Cancel(actor, reason); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, "Assignments name a provider, a team or WorkMarket.");
        }
    }

    /// <summary>Soft delete: hidden from lists, audit trail kept. Not once invoiced or payment-approved.</summary>
    public void Delete(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureNotDeleted();
        CheckRule(new WorkOrderMustNotBeBilled(this));

        IsDeleted = true;
        DeletedAt = actor.At;
        DeletedBy = actor.UserId;
        AddDomainEvent(new WorkOrderDeleted(Id));
    }

    /// <summary>Sets the invoice flag (Invoiced or Invoice Not Required) of completed work.</summary>
    public void SetInvoiceStatus(InvoiceStatus status)
    {
        EnsureNotDeleted();
        if (WorkOrderBulkRules.WhyNot(status == InvoiceStatus.Yes ? BulkAction.MarkInvoiced : BulkAction.MarkInvoiceNotRequired, Snapshot(false)) is { } why)
        {
            throw new BusinessRuleException(new BulkRuleMustHold(DisplayNumber, why));
        }

        InvoiceStatus = status;
    }

    /// <summary>Approves payment to the third-party provider of completed work (project managers).</summary>
    public void ApprovePayment(bool assignedToThirdParty, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureNotDeleted();
        if (WorkOrderBulkRules.WhyNot(BulkAction.ApprovePayment, Snapshot(assignedToThirdParty)) is { } why)
        {
            throw new BusinessRuleException(new BulkRuleMustHold(DisplayNumber, why));
        }

        PaymentApprovedAt = actor.At;
        PaymentApprovedBy = actor.UserId;
    }

    public WorkOrderSnapshot Snapshot(bool assignedToThirdParty) => new(
        Id, Number, CustomerId, Status, IsDeleted, InvoiceStatus, PaymentApprovedAt, Routing, ProviderId, WaitingSince, WaitingSeconds, assignedToThirdParty);

    public LineItem AddLineItem(string description, decimal estimatedLabourHours, decimal partsCost, decimal hourlyRate, DateTime at)
    {
        EnsureEditable();
        var item = new LineItem(Id, description, estimatedLabourHours, partsCost, hourlyRate, at);
        _lineItems.Add(item);
        EstimateVersion++;
        return item;
    }

    /// <summary>Edits a line item: a new estimate version; a decision already given on it becomes stale (Pending again,
    /// the old decision kept on the item and in <see cref="Decisions"/>).</summary>
    public LineItem UpdateLineItem(Guid lineItemId, string description, decimal estimatedLabourHours, decimal partsCost, decimal hourlyRate)
    {
        EnsureEditable();
        var item = FindLineItem(lineItemId);
        item.Update(description, estimatedLabourHours, partsCost, hourlyRate);
        EstimateVersion++;
        return item;
    }

    /// <summary>A decision recorded by staff (or a test): on the current estimate version, without a PDF hash.</summary>
    public LineItem DecideLineItem(Guid lineItemId, ApprovalStatus decision, string? note, DateTime at) =>
        DecideLineItem(lineItemId, decision, note, new DecisionContext(at, null, null, "staff"));

    /// <summary>The customer's decision on a line item (approve, reject, or clear back to Pending), on the current estimate
    /// version, with the SHA-256 of the estimate PDF as rendered now. Repeating the current decision changes nothing
    /// (a double click never records two decisions).</summary>
    public LineItem DecideLineItem(Guid lineItemId, ApprovalStatus decision, string? note, DecisionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        EnsureEditable();
        var item = FindLineItem(lineItemId);
        if (item.IsSameDecision(decision, note))
        {
            return item;
        }

        item.Decide(decision, note, context.At, EstimateVersion, context.EstimatePdfSha256);
        _decisions.Add(new LineItemDecision(Id, item, context.At, EstimateVersion, context.EstimatePdfSha256, context.PortalLinkId, context.DecidedBy));
        if (context.PortalLinkId is not null)
        {
            CustomerActivityAt = context.At;
        }

        return item;
    }

    /// <summary>The formal authorization of the current estimate version: once per version (an edited estimate can be signed again).</summary>
    public EstimateSignature SignEstimate(string signerName, byte[] image, string estimatePdfSha256, Guid? portalLinkId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(image);
        EnsureEditable();
        CheckRule(new EstimateMustHaveLineItems(this));
        CheckRule(new EstimateVersionMustNotBeSigned(this));
        var signature = new EstimateSignature(Id, signerName, image, at, EstimateVersion, estimatePdfSha256, portalLinkId);
        _signatures.Add(signature);
        CustomerActivityAt = at;
        return signature;
    }

    /// <summary>A comment by the customer in the portal.</summary>
    public Comment AddCustomerComment(Actor author, string text)
    {
        ArgumentNullException.ThrowIfNull(author);
        var comment = AddComment(author, text, byCustomer: true);
        CustomerActivityAt = author.At;
        return comment;
    }

    /// <summary>Estimated labour hours of the approved line items (the progress report's estimate).</summary>
    public decimal ApprovedEstimatedHours => _lineItems.Where(i => i.ApprovalStatus == ApprovalStatus.Approved).Sum(i => i.EstimatedLabourHours);

    public Comment AddComment(Actor author, string text, bool byCustomer = false)
    {
        ArgumentNullException.ThrowIfNull(author);
        EnsureNotDeleted();
        var comment = new Comment(Id, author, text, byCustomer);
        _comments.Add(comment);
        return comment;
    }

    public void DeleteComment(Guid commentId, Actor actor)
    {
        var comment = _comments.SingleOrDefault(c => c.Id == commentId && c.DeletedAt is null)
            ?? throw new BusinessRuleException(new CommentMustExist(commentId));
        comment.Delete(actor);
    }

    public WorkOrderTask AddTask(string title)
    {
        EnsureEditable();
        var task = new WorkOrderTask(Id, title);
        _tasks.Add(task);
        return task;
    }

    /// <summary>Starts the actor's timer on this work order: one running timer per user per work order, and only
    /// while the work takes time (assigned, in progress, waiting).</summary>
    public TimeEntry StartTimer(Actor actor)
    {
        var userId = TimeKeeper(actor);
        EnsureNotDeleted();
        CheckRule(new WorkOrderMustTakeTime(this));
        CheckRule(new OneRunningTimerPerUser(this, userId));
        var entry = TimeEntry.StartTimer(Id, actor);
        _timeEntries.Add(entry);
        return entry;
    }

    /// <summary>Stops the actor's running timer and adds its hours to the worked hours. Time accrues only while
    /// the work order is open: a timer left running past completion or cancellation ends at that moment.</summary>
    public TimeEntry StopTimer(Actor actor)
    {
        var userId = TimeKeeper(actor);
        EnsureNotDeleted();
        var entry = _timeEntries.SingleOrDefault(e => e.IsRunning && e.UserId == userId)
            ?? throw new BusinessRuleException(new TimerMustBeRunning(this));
        entry.End(IsOpen || actor.At < StatusChangedAt ? actor.At : StatusChangedAt);
        WorkedHours += entry.Hours;
        return entry;
    }

    /// <summary>Records time worked earlier (entered by the office) for <paramref name="userId"/>; it must not
    /// overlap that user's other time on this work order.</summary>
    public TimeEntry AddTimeEntry(string userId, string userName, DateTime startedAt, DateTime endedAt, string? note, Actor recordedBy)
    {
        ArgumentNullException.ThrowIfNull(recordedBy);
        if (endedAt <= startedAt)
        {
            throw new ArgumentException("A time entry ends after it starts.", nameof(endedAt));
        }

        EnsureNotDeleted();
        CheckRule(new WorkOrderMustTakeTime(this));
        if (_timeEntries.FirstOrDefault(e => e.UserId == userId && e.Overlaps(startedAt, endedAt, recordedBy.At)) is { } overlapped)
        {
            throw new BusinessRuleException(new TimeEntryMustNotOverlap(this, overlapped));
        }

        var entry = TimeEntry.Manual(Id, userId, userName, startedAt, endedAt, note, recordedBy);
        _timeEntries.Add(entry);
        WorkedHours += entry.Hours;
        return entry;
    }

    /// <summary>Sets the billed hours of completed work: at least <see cref="BillingPolicy.MinimumBilledHours"/>
    /// (the answer says when the minimum was applied); setting them again replaces them, until invoiced.
    /// The credit-hour bank is charged by <see cref="WorkOrderBilling"/>.</summary>
    public BilledHoursChange SetBilledHours(decimal hours, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, BillingPolicy.MaxHours);
        EnsureNotDeleted();
        CheckRule(new WorkOrderMustBeCompletedToBill(this));
        CheckRule(new BilledHoursMustNotChangeOnceInvoiced(this));

        var change = WorkOrderBilling.Preview(this, hours);
        BilledHours = change.Billed;
        BilledMinimumApplied = change.MinimumApplied;
        BilledAt = actor.At;
        AddDomainEvent(new WorkOrderBilled(Id, CustomerId, change.Previous, change.Billed));
        return change;
    }

    private static string TimeKeeper(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return string.IsNullOrEmpty(actor.UserId) ? throw new ArgumentException("A timer belongs to a user.", nameof(actor)) : actor.UserId;
    }

    private LineItem FindLineItem(Guid id) =>
        _lineItems.SingleOrDefault(i => i.Id == id) ?? throw new BusinessRuleException(new LineItemMustExist(id));

    private void Transition(WorkOrderAction action, Actor actor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureNotDeleted();
        var from = Status;
        var to = WorkOrderStatusMachine.Apply(from, action);

        // The SLA clock pauses while the work waits.
        if (WaitingSince is { } since && !WorkOrderStatusMachine.IsWaiting(to))
        {
            WaitingSeconds += (long)Math.Max(0, (actor.At - since).TotalSeconds);
            WaitingSince = null;
        }
        else if (WaitingSince is null && WorkOrderStatusMachine.IsWaiting(to))
        {
            WaitingSince = actor.At;
        }

        Status = to;
        StatusChangedAt = actor.At;
        _history.Add(new StatusChange(Id, from, to, action.ToString(), actor, reason));
        AddDomainEvent(new WorkOrderStatusChanged(Id, from, to, reason));
    }

    private void SetDetails(WorkOrderDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.ScheduledStart is { } s && details.ScheduledEnd is { } e && e < s)
        {
            throw new BusinessRuleException(new ScheduledWindowMustBeOrdered(s, e));
        }

        Title = Guard.Required(details.Title, nameof(Title), TitleMaxLength);
        ServiceRequested = Guard.Required(details.ServiceRequested, nameof(ServiceRequested), TextMaxLength);
        Instructions = Guard.Optional(details.Instructions, nameof(Instructions), TextMaxLength);
        Materials = Guard.Optional(details.Materials, nameof(Materials), TextMaxLength);
        Category = details.Category;
        ScheduledStart = details.ScheduledStart;
        ScheduledEnd = details.ScheduledEnd;
        _equipmentIds.Clear();
        _equipmentIds.AddRange((details.EquipmentIds ?? []).Distinct());
        SearchText = Customer.Normalize($"{DisplayNumber} {Title} {ServiceRequested} {RequesterName} {RequesterEmail}");
    }

    private void EnsureNotDeleted() => CheckRule(new WorkOrderMustNotBeDeleted(this));

    private void EnsureEditable()
    {
        EnsureNotDeleted();
        CheckRule(new WorkOrderMustBeOpen(this));
    }
}

public sealed record WorkOrderCreated(Guid WorkOrderId, WorkOrderSource Source) : IDomainEvent;

public sealed record WorkOrderStatusChanged(Guid WorkOrderId, WorkOrderStatus From, WorkOrderStatus To, string? Reason) : IDomainEvent;

public sealed record WorkOrderAssigned(Guid WorkOrderId, RoutingKind Routing, Guid? AssigneeId) : IDomainEvent;

public sealed record WorkOrderDeleted(Guid WorkOrderId) : IDomainEvent;

public sealed record WorkOrderBilled(Guid WorkOrderId, Guid CustomerId, decimal? PreviousBilledHours, decimal BilledHours) : IDomainEvent;

public sealed class WorkOrderMustNotBeDeleted(WorkOrder workOrder) : IBusinessRule
{
    public bool IsBroken() => workOrder.IsDeleted;

    public string Message => $"Work order {workOrder.DisplayNumber} is deleted.";
}

public sealed class WorkOrderMustBeOpen(WorkOrder workOrder) : IBusinessRule
{
    public bool IsBroken() => !workOrder.IsOpen;

    public string Message => $"Work order {workOrder.DisplayNumber} is {workOrder.Status}: it can no longer be changed.";
}

public sealed class WorkOrderMustNotBeBilled(WorkOrder workOrder) : IBusinessRule
{
    public bool IsBroken() => WorkOrderBulkRules.IsBilled(workOrder.InvoiceStatus, workOrder.PaymentApprovedAt);

    public string Message => $"Work order {workOrder.DisplayNumber} is invoiced or payment-approved: it cannot be deleted.";
}

public sealed class ContractMustBeActiveForWork(Contract contract, Customer customer) : IBusinessRule
{
    public bool IsBroken() => contract.CustomerId != customer.Id || contract.Status != ContractStatus.Active;

    public string Message => contract.CustomerId != customer.Id
        ? $"Contract {contract.Number} is not a contract of customer '{customer.Name}'."
        : $"Contract {contract.Number} is {contract.Status}: it cannot cover new work.";
}

public sealed class ScheduledWindowMustBeOrdered(DateTime start, DateTime end) : IBusinessRule
{
    public bool IsBroken() => end < start;

    public string Message => $"The scheduled window ends ({end:u}) before it starts ({start:u}).";
}

public sealed class BulkRuleMustHold(string number, string why) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => $"Work order {number}: {why}.";
}

public sealed class LineItemMustExist(Guid id) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => $"Line item '{id}' is not on this work order.";
}

/// <summary>Who and what a line-item decision is recorded with.</summary>
public sealed record DecisionContext(DateTime At, string? EstimatePdfSha256, Guid? PortalLinkId, string DecidedBy);

public sealed class EstimateMustHaveLineItems(WorkOrder workOrder) : IBusinessRule
{
    public bool IsBroken() => workOrder.LineItems.Count == 0;

    public string Message => $"Work order {workOrder.DisplayNumber} has no estimate to sign.";
}

public sealed class EstimateVersionMustNotBeSigned(WorkOrder workOrder) : IBusinessRule
{
    public bool IsBroken() => workOrder.CurrentSignature is not null;

    public string Message => $"Version {workOrder.EstimateVersion} of the estimate of work order {workOrder.DisplayNumber} is already signed.";
}

public sealed class CommentMustExist(Guid id) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => $"Comment '{id}' is not on this work order.";
}

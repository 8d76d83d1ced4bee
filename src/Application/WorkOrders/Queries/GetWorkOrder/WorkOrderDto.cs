using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;

/// <summary>A work order with everything the detail page shows.</summary>
public sealed record WorkOrderDto
{
    public Guid Id { get; init; }
    public long Number { get; init; }
    public string DisplayNumber { get; init; } = string.Empty;
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = string.Empty;
    public Guid SiteId { get; init; }
    public string SiteName { get; init; } = string.Empty;
    public Guid? ContractId { get; init; }
    public IReadOnlyCollection<Guid> EquipmentIds { get; init; } = [];
    public string Title { get; init; } = string.Empty;
    public string ServiceRequested { get; init; } = string.Empty;
    public string? Instructions { get; init; }
    public string? Materials { get; init; }
    public WorkOrderCategory Category { get; init; }
    public DateTime? ScheduledStart { get; init; }
    public DateTime? ScheduledEnd { get; init; }
    public WorkOrderSource Source { get; init; }
    public string? RequesterName { get; init; }
    public string? RequesterEmail { get; init; }
    public WorkOrderStatus Status { get; init; }
    public DateTime StatusChangedAt { get; init; }
    public IReadOnlyList<WorkOrderAction> AllowedActions { get; init; } = [];
    public DateTime? CompletedAt { get; init; }
    public string? CompletionNotes { get; init; }
    public DateTime? CancelledAt { get; init; }
    public string? CancellationReason { get; init; }
    public RoutingKind Routing { get; init; }
    public Guid? ProviderId { get; init; }
    public string? ProviderName { get; init; }
    public Guid? TeamId { get; init; }
    public string? TeamName { get; init; }
    public InvoiceStatus InvoiceStatus { get; init; }
    public string? PaymentApprovedBy { get; init; }
    public DateTime? PaymentApprovedAt { get; init; }
    public decimal WorkedHours { get; init; }
    public decimal? BilledHours { get; init; }
    public bool BilledMinimumApplied { get; init; }
    public DateTime? BilledAt { get; init; }
    public decimal EstimatedLabourHours { get; init; }
    public decimal ApprovedEstimatedHours { get; init; }
    public long WaitingSeconds { get; init; }
    public DateTime? WaitingSince { get; init; }

    /// <summary>The estimate's version: bumped by every added or edited line item (decisions and signatures record it).</summary>
    public int EstimateVersion { get; init; }

    /// <summary>The last decision, comment or signature by the customer in the portal.</summary>
    public DateTime? CustomerActivityAt { get; init; }

    public DateTime CreatedAt { get; init; }
    public string? CreatedBy { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public int Version { get; init; }
    public IReadOnlyList<LineItemDto> LineItems { get; init; } = [];
    public IReadOnlyList<CommentDto> Comments { get; init; } = [];
    public IReadOnlyList<StatusChangeDto> History { get; init; } = [];
    public IReadOnlyList<WorkOrderTaskDto> Tasks { get; init; } = [];

    /// <summary>The WorkMarket assignment of a work order sent there (absent otherwise).</summary>
    public WorkMarketSyncDto? WorkMarket { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping()
        {
            CreateMap<WorkOrder, WorkOrderDto>()
                .ForMember(d => d.WorkMarket, o => o.Ignore())
                .ForMember(d => d.AllowedActions, o => o.MapFrom(s => WorkOrderStatusMachine.AllowedActions(s.Status)))
                .ForMember(d => d.EstimatedLabourHours, o => o.MapFrom(s => s.LineItems.Sum(i => i.EstimatedLabourHours)))
                .ForMember(d => d.LineItems, o => o.MapFrom(s => s.LineItems.OrderBy(i => i.CreatedAt)))
                .ForMember(d => d.Comments, o => o.MapFrom(s => s.Comments.Where(c => c.DeletedAt == null).OrderBy(c => c.CreatedAt)))
                .ForMember(d => d.History, o => o.MapFrom(s => s.History.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id)))
                .ForMember(d => d.CustomerName, o => o.Ignore())
                .ForMember(d => d.SiteName, o => o.Ignore())
                .ForMember(d => d.ProviderName, o => o.Ignore())
                .ForMember(d => d.TeamName, o => o.Ignore());
        }
    }
}

public sealed record LineItemDto
{
    public Guid Id { get; init; }
    public string Description { get; init; } = string.Empty;
    public decimal EstimatedLabourHours { get; init; }
    public decimal PartsCost { get; init; }
    public decimal HourlyRate { get; init; }
    public decimal Total { get; init; }
    public ApprovalStatus ApprovalStatus { get; init; }
    public string? ApprovalNote { get; init; }
    public DateTime? DecidedAt { get; init; }
    public int Revision { get; init; }

    /// <summary>The estimate version the current decision was given on.</summary>
    public int? DecidedEstimateVersion { get; init; }

    /// <summary>SHA-256 of the estimate PDF the customer saw when deciding (portal decisions).</summary>
    public string? DecidedPdfSha256 { get; init; }

    /// <summary>The item was edited after the customer decided: Pending again; the previous decision below.</summary>
    public bool ApprovalStale { get; init; }

    public ApprovalStatus? PreviousApprovalStatus { get; init; }
    public string? PreviousApprovalNote { get; init; }
    public DateTime? PreviousDecidedAt { get; init; }
    public int? PreviousDecidedEstimateVersion { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<LineItem, LineItemDto>();
    }
}

public sealed record CommentDto
{
    public Guid Id { get; init; }
    public string? AuthorId { get; init; }
    public string AuthorName { get; init; } = string.Empty;
    public string Text { get; init; } = string.Empty;
    public bool ByCustomer { get; init; }
    public DateTime CreatedAt { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<Comment, CommentDto>();
    }
}

public sealed record StatusChangeDto
{
    public WorkOrderStatus? From { get; init; }
    public WorkOrderStatus To { get; init; }
    public string Action { get; init; } = string.Empty;
    public string? ChangedBy { get; init; }
    public string ChangedByName { get; init; } = string.Empty;
    public DateTime ChangedAt { get; init; }
    public string? Reason { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<StatusChange, StatusChangeDto>();
    }
}

public sealed record WorkOrderTaskDto
{
    public Guid Id { get; init; }
    public string Title { get; init; } = string.Empty;
    public WorkOrderTaskStatus Status { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<WorkOrderTask, WorkOrderTaskDto>();
    }
}

/// <summary>Where a work order stands on WorkMarket: our sync status, their assignment id and status, the last error.</summary>
public sealed record WorkMarketSyncDto
{
    public string? AssignmentId { get; init; }
    public WorkMarketSyncStatus Status { get; init; }
    public string? WorkMarketStatus { get; init; }
    public string? LastError { get; init; }
    public int Attempts { get; init; }
    public DateTime? LastSyncedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<WorkMarketSync, WorkMarketSyncDto>();
    }
}

using WorkOrders.Domain.Billing;

namespace WorkOrders.Application.Billing.Queries.GetTimeEntries;

/// <summary>One span of work on a work order; a running timer has no end and 0 hours yet.</summary>
public sealed record TimeEntryDto
{
    public Guid Id { get; init; }
    public Guid WorkOrderId { get; init; }
    public string UserId { get; init; } = string.Empty;
    public string UserName { get; init; } = string.Empty;
    public DateTime StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public decimal Hours { get; init; }
    public bool IsRunning { get; init; }
    public TimeEntrySource Source { get; init; }
    public string? Note { get; init; }
    public string? RecordedBy { get; init; }
    public string RecordedByName { get; init; } = string.Empty;
    public DateTime RecordedAt { get; init; }

    private sealed class Mapping : Profile
    {
        public Mapping() => CreateMap<TimeEntry, TimeEntryDto>()
            .ForMember(d => d.IsRunning, o => o.MapFrom(s => s.EndedAt == null));
    }
}

/// <summary>The entry a timer or a manual entry made or changed, and the work order's worked hours now.</summary>
public sealed record TimeEntryResultDto(TimeEntryDto Entry, decimal WorkedHours);

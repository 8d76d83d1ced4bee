using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.Billing;

/// <summary>How a time entry came to be: a timer started and stopped, or entered afterwards by the office.</summary>
public enum TimeEntrySource
{
    Timer,
    Manual,
}

/// <summary>A span of work by one user on one work order (part of the work order aggregate). A timer entry is
/// running until it is stopped (no end, no hours yet); its hours, rounded to the hundredth, then count towards
/// the work order's worked hours.</summary>
public sealed class TimeEntry : Entity
{
    public const int NoteMaxLength = 1000;

    private TimeEntry()
    {
        UserId = string.Empty;
        UserName = string.Empty;
        RecordedByName = string.Empty;
    }

    private TimeEntry(Guid workOrderId, string userId, string userName, DateTime startedAt, TimeEntrySource source, string? note, Actor recordedBy)
    {
        WorkOrderId = workOrderId;
        UserId = Guard.Required(userId, nameof(UserId), 128);
        UserName = Guard.Required(userName, nameof(UserName), 320);
        StartedAt = startedAt;
        Source = source;
        Note = Guard.Optional(note, nameof(Note), NoteMaxLength);
        RecordedBy = recordedBy.UserId;
        RecordedByName = recordedBy.Name;
        RecordedAt = recordedBy.At;
    }

    public Guid WorkOrderId { get; private set; }

    /// <summary>Whose time it is.</summary>
    public string UserId { get; private set; }

    public string UserName { get; private set; }
    public DateTime StartedAt { get; private set; }

    /// <summary>Null while the timer runs.</summary>
    public DateTime? EndedAt { get; private set; }

    /// <summary>Rounded to 0.01 h; 0 while the timer runs.</summary>
    public decimal Hours { get; private set; }

    public TimeEntrySource Source { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Who recorded it (the user themselves for a timer; office staff for a manual entry).</summary>
    public string? RecordedBy { get; private set; }

    public string RecordedByName { get; private set; }
    public DateTime RecordedAt { get; private set; }

    public bool IsRunning => EndedAt is null;

    internal static TimeEntry StartTimer(Guid workOrderId, Actor actor) =>
        new(workOrderId, actor.UserId!, actor.Name, actor.At, TimeEntrySource.Timer, null, actor);

    internal static TimeEntry Manual(Guid workOrderId, string userId, string userName, DateTime startedAt, DateTime endedAt, string? note, Actor recordedBy)
    {
        var entry = new TimeEntry(workOrderId, userId, userName, startedAt, TimeEntrySource.Manual, note, recordedBy);
        entry.End(endedAt);
        return entry;
    }

    /// <summary>The instant this entry covers up to: its end, or <paramref name="now"/> while it runs.</summary>
    public DateTime CoveredUntil(DateTime now) => EndedAt ?? (now > StartedAt ? now : StartedAt);

    public bool Overlaps(DateTime start, DateTime end, DateTime now) => start < CoveredUntil(now) && StartedAt < end;

    internal void End(DateTime endedAt)
    {
        EndedAt = endedAt < StartedAt ? StartedAt : endedAt;
        Hours = BillingPolicy.HoursBetween(StartedAt, EndedAt.Value);
    }
}

namespace WorkOrders.Application.Ops;

public enum OutboxState
{
    /// <summary>Not delivered yet (never tried, or waiting for its next attempt).</summary>
    Pending,

    /// <summary>Delivered.</summary>
    Processed,

    /// <summary>Gave up after the configured attempts (or could never succeed); waits for ops.</summary>
    DeadLettered,
}

public sealed record OutboxMessageDto(
    Guid Id,
    string Type,
    string Key,
    OutboxState State,
    int Attempts,
    DateTime CreatedAt,
    DateTime AvailableAt,
    DateTime? ProcessedAt,
    DateTime? DeadLetteredAt,
    string? LastError);

public sealed record OutboxTypeCountDto(string Type, int Pending, int Failing, int DeadLettered);

/// <summary>The outbox at a glance: how much waits, how much fails, how old the oldest waiting message is.</summary>
public sealed record OutboxSummaryDto(
    int Pending,
    int Failing,
    int DeadLettered,
    int ProcessedLastHour,
    DateTime? OldestPendingCreatedAt,
    IReadOnlyList<OutboxTypeCountDto> ByType);

public sealed record TriggerDto(string Group, string Name, string State, DateTime? NextFireAt, DateTime? PreviousFireAt, string? Schedule);

public sealed record JobDto(string Group, string Name, string? Description, string JobType, bool Durable, IReadOnlyList<TriggerDto> Triggers);

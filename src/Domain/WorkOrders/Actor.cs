namespace WorkOrders.Domain.WorkOrders;

/// <summary>Who does a change and when: recorded in the status history and on comments.</summary>
public sealed record Actor(string? UserId, string Name, DateTime At);

using WorkOrders.Domain.Common;

namespace WorkOrders.Application.Common.Models;

/// <summary>Carries a domain event through MediatR (the domain itself knows no framework).
/// Handle <c>INotificationHandler&lt;DomainEventNotification&lt;TEvent&gt;&gt;</c>.</summary>
public sealed record DomainEventNotification<TEvent>(TEvent DomainEvent) : INotification
    where TEvent : IDomainEvent;

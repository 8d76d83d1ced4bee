using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkOrders.Application.Common.Models;
using WorkOrders.Domain.Common;

namespace WorkOrders.Infrastructure.Persistence.Interceptors;

/// <summary>Publishes the domain events of the entities being saved before the save, so their handlers'
/// changes (and outbox rows) commit in the same transaction. Repeats until no handler raises more.</summary>
public sealed class DispatchDomainEventsInterceptor(IMediator mediator) : SaveChangesInterceptor
{
    private const int MaxRounds = 10;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        throw new InvalidOperationException("Use SaveChangesAsync: domain event handlers are asynchronous.");

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context)
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var entities = context.ChangeTracker.Entries<Entity>().Where(e => e.Entity.DomainEvents.Count > 0).Select(e => e.Entity).ToList();
                if (entities.Count == 0)
                {
                    break;
                }

                var events = entities.SelectMany(e => e.DomainEvents).ToList();
                entities.ForEach(e => e.ClearDomainEvents());
                foreach (var domainEvent in events)
                {
                    var notification = (INotification)Activator.CreateInstance(typeof(DomainEventNotification<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;
                    await mediator.Publish(notification, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken).ConfigureAwait(false);
    }
}

namespace WorkOrders.Domain.Common;

/// <summary>Something that happened in the domain; handled in the same transaction, before commit.</summary>
public interface IDomainEvent;

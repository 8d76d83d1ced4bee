namespace WorkOrders.Application.Common.Models;

/// <summary>A request that changes state: it runs in one transaction (see the transaction behaviour).</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

namespace WorkOrders.Domain.Common;

/// <summary>A person to notify: name, email, phone. The customer's contact is the primary contact.</summary>
public sealed record Contact(string Name, string Email, string? Phone);

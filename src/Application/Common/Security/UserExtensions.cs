namespace WorkOrders.Application.Common.Security;

public static class UserExtensions
{
    /// <summary>Staff see every customer; a partner only the customers its key is scoped to.</summary>
    public static bool CanAccessCustomer(this IUser user, Guid customerId) =>
        user.CustomerScope is null || user.CustomerScope.Contains(customerId);

    /// <summary>Throws 404 (not 403, so existence does not leak) when the caller may not see the customer.</summary>
    public static void EnsureCanAccessCustomer(this IUser user, Guid customerId)
    {
        if (!user.CanAccessCustomer(customerId))
        {
            throw NotFoundException.For("Customer", customerId);
        }
    }
}

namespace WorkOrders.Domain.Customers;

public enum CustomerStatus
{
    Active,
    Deactivated,
}

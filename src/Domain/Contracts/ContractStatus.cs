namespace WorkOrders.Domain.Contracts;

public enum ContractStatus
{
    Active,
    Cancelled,
    Expired,
}

namespace WorkOrders.Domain.CustomerSites;

public enum SiteStatus
{
    Active,
    Deactivated,
}

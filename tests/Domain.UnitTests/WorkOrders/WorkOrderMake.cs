using WorkOrders.Domain.Contracts;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;
using WorkOrders.Domain.ServiceProviders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.WorkOrders;

/// <summary>Builders of work orders in any status, with explicit actors and times; each test changes only
/// what it is about.</summary>
internal static class WorkOrderMake
{
    public static readonly DateTime T0 = Make.Now;

    private static long _number;

    public static Actor Actor(DateTime? at = null, string userId = "user-1", string name = "Dana Dispatcher") => new(userId, name, at ?? T0);

    public static WorkOrderDetails Details(
        string title = "Leaking valve",
        WorkOrderCategory category = WorkOrderCategory.Service,
        DateTime? scheduledStart = null,
        DateTime? scheduledEnd = null) =>
        new(title, "Replace the valve seal", "Shut the main first", "Seal kit", category, scheduledStart, scheduledEnd, []);

    public static long NextNumber() => Interlocked.Increment(ref _number);

    public static WorkOrder Create(
        WorkOrderSource source = WorkOrderSource.Office,
        Customer? customer = null,
        CustomerSite? site = null,
        Contract? contract = null,
        Requester? requester = null,
        Actor? actor = null)
    {
        customer ??= Make.Customer();
        site ??= Make.Site(customer);
        return WorkOrder.Create(NextNumber(), customer, site, contract, Details(), source, requester, actor ?? Actor());
    }

    public static ServiceProvider Provider(string name = "Acme Plumbing", ServiceProviderKind kind = ServiceProviderKind.PartnerCompany, bool active = true)
    {
        var provider = ServiceProvider.Create(name, "ops@acme.example", null, kind, null);
        provider.SetActive(active);
        return provider;
    }

    public static ServiceProviderTeam Team(string name = "North crew", bool active = true)
    {
        var team = ServiceProviderTeam.Create(name, [Provider("Member one"), Provider("Member two")]);
        team.SetActive(active);
        return team;
    }

    /// <summary>A work order brought to <paramref name="status"/> along the status machine's ordinary path,
    /// every step one minute after the previous, with its domain events cleared.</summary>
    public static WorkOrder InStatus(WorkOrderStatus status)
    {
        var at = T0;
        Actor Next() => Actor(at = at.AddMinutes(1));

        var workOrder = Create();
        switch (status)
        {
            case WorkOrderStatus.Draft:
                break;
            case WorkOrderStatus.Published:
                workOrder.Publish(Next());
                break;
            case WorkOrderStatus.Assigned:
                workOrder.Publish(Next());
                workOrder.AssignToProvider(Provider(), Next());
                break;
            case WorkOrderStatus.InProgress:
            case WorkOrderStatus.WaitingParts:
            case WorkOrderStatus.WaitingOnVendor:
            case WorkOrderStatus.WaitingOnCustomer:
            case WorkOrderStatus.Completed:
                workOrder.Publish(Next());
                workOrder.AssignToProvider(Provider(), Next());
                workOrder.Start(Next());
                if (status == WorkOrderStatus.WaitingParts)
                {
                    workOrder.Wait(WorkOrderAction.WaitForParts, Next(), "Seal on back-order");
                }
                else if (status == WorkOrderStatus.WaitingOnVendor)
                {
                    workOrder.Wait(WorkOrderAction.WaitForVendor, Next(), "Vendor to confirm");
                }
                else if (status == WorkOrderStatus.WaitingOnCustomer)
                {
                    workOrder.Wait(WorkOrderAction.WaitForCustomer, Next(), "Customer to grant access");
                }
                else if (status == WorkOrderStatus.Completed)
                {
                    workOrder.Complete(Next(), "Done");
                }

                break;
            case WorkOrderStatus.Cancelled:
                workOrder.Cancel(Next(), "No longer needed");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        workOrder.Status.ShouldBe(status);
        workOrder.ClearDomainEvents();
        return workOrder;
    }
}

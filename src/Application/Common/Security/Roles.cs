namespace WorkOrders.Application.Common.Security;

/// <summary>The roles of PRODUCT.md, and the groups of them that use cases name.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Dispatcher = "Dispatcher";
    public const string ProjectManager = "ProjectManager";
    public const string AccountsReceivable = "AccountsReceivable";
    public const string TeamManager = "TeamManager";
    public const string Technician = "Technician";
    public const string Ops = "Ops";

    /// <summary>A partner system authenticated by its API key.</summary>
    public const string Partner = "Partner";

    /// <summary>Staff roles that may be given to users.</summary>
    public static readonly IReadOnlyList<string> StaffRoles =
        [Admin, Dispatcher, ProjectManager, AccountsReceivable, TeamManager, Technician, Ops];

    /// <summary>Office staff who manage customers, sites, contracts, assets and work orders.</summary>
    public const string Office = $"{Dispatcher},{ProjectManager},{TeamManager}";

    /// <summary>Managers: may delete comments, approve payments (project managers), and the like.</summary>
    public const string Managers = $"{ProjectManager},{TeamManager}";

    /// <summary>Staff who may read work orders (technicians see only their own).</summary>
    public const string WorkOrderReaders = $"{Office},{AccountsReceivable},{Technician},{Partner}";

    /// <summary>Who may open work orders: office staff, technicians (monitoring) and partners (their customers).</summary>
    public const string WorkOrderCreators = $"{Office},{Technician},{Partner}";

    /// <summary>Who may read the service providers and teams (to route work).</summary>
    public const string ProviderReaders = $"{Office},{AccountsReceivable},{Technician}";

    /// <summary>Who may read customers and their sites, contracts and assets.</summary>
    public const string CustomerReaders = $"{Office},{AccountsReceivable},{Partner}";

    /// <summary>Who runs a timer on a work order, for themselves: technicians (on their own work) and office staff.</summary>
    public const string TimeKeepers = $"{Office},{Technician}";

    /// <summary>Who reads the time entries of a work order (technicians those of their own work). Not partners: the
    /// entries name staff; the work order's worked hours are on the work order.</summary>
    public const string TimeReaders = $"{Office},{AccountsReceivable},{Technician}";

    /// <summary>The assessors: set the billed hours of completed work (office staff, who know the job, and accounts
    /// receivable, who invoice it), and read the billing data — progress report, credit-hour bank and ledger.</summary>
    public const string Billing = $"{Office},{AccountsReceivable}";
}

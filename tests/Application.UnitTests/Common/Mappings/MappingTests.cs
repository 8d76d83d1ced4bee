using AutoMapper;
using AutoMapper.Internal;
using AutoMapper.QueryableExtensions;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Application.ApiKeys.Queries.GetApiKeys;
using WorkOrders.Application.Assets.Queries.GetAssets;
using WorkOrders.Application.Billing.Queries.GetCreditHours;
using WorkOrders.Application.Billing.Queries.GetTimeEntries;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Contracts.Queries.GetContracts;
using WorkOrders.Application.Customers.Queries.GetCustomer;
using WorkOrders.Application.Customers.Queries.GetCustomers;
using WorkOrders.Application.CustomerSites.Queries.GetSites;
using WorkOrders.Application.ServiceProviders.Queries.GetServiceProviders;
using WorkOrders.Application.ServiceProviders.Queries.GetTeams;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;
using WorkOrders.Domain.Assets;
using WorkOrders.Domain.Billing;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.Contracts;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;
using WorkOrders.Domain.Partners;
using WorkOrders.Domain.ServiceProviders;
using ServiceProvider = WorkOrders.Domain.ServiceProviders.ServiceProvider;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.UnitTests.Common.Mappings;

public sealed class MappingTests
{
    private static readonly DateTime CreatedAt = new(2026, 2, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime At = new(2026, 2, 3, 17, 45, 0, DateTimeKind.Utc);

    // The same configuration AddApplication() registers: every profile of the Application assembly (AutoMapper 14).
    private static readonly MapperConfiguration Configuration = new(cfg => cfg.AddMaps(typeof(DependencyInjection).Assembly));

    private static readonly IMapper Mapper = Configuration.CreateMapper();

    [Fact]
    public void Configuration_IsValid()
    {
        Configuration.AssertConfigurationIsValid();
    }

    [Fact]
    public void ConfigurationRegisteredByAddApplication_IsValid_AndHasTheSameMaps()
    {
        using var provider = new ServiceCollection().AddApplication().BuildServiceProvider();

        var registered = provider.GetRequiredService<IConfigurationProvider>();
        registered.AssertConfigurationIsValid();
        Pairs(registered.Internal().GetAllTypeMaps()).ShouldBe(Pairs(Configuration.Internal().GetAllTypeMaps()), ignoreOrder: true);
        provider.GetRequiredService<IMapper>().Map<ContactDto>(new Contact("Ada", "ada@example.com", null)).Email.ShouldBe("ada@example.com");
    }

    [Fact]
    public void EveryTypeMap_IsExercisedByTheCasesBelow()
    {
        var covered = Cases.Values.Select(c => $"{c.Source.Name} -> {c.Destination.Name}");

        Pairs(Configuration.Internal().GetAllTypeMaps()).ShouldBe(covered, ignoreOrder: true);
    }

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Map_FromARealDomainObject(string name)
    {
        var c = Cases[name];
        var source = c.Create();

        var destination = Mapper.Map(source, c.Source, c.Destination);

        destination.ShouldBeOfType(c.Destination);
        c.Check(source, destination);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ProjectTo_FromARealDomainObject(string name)
    {
        var c = Cases[name];
        var source = c.Create();
        var query = Array.CreateInstance(c.Source, 1);
        query.SetValue(source, 0);

        var destination = query.AsQueryable().ProjectTo(c.Destination, Configuration).Cast<object>().Single();

        destination.ShouldBeOfType(c.Destination);
        c.Check(source, destination);
    }

    private static List<string> Pairs(IEnumerable<TypeMap> maps) =>
        maps.Select(m => $"{m.SourceType.Name} -> {m.DestinationType.Name}").ToList();

    private static T Audited<T>(T entity)
        where T : AuditableEntity
    {
        entity.CreatedAt = CreatedAt;
        entity.CreatedBy = "user-1";
        entity.UpdatedAt = At;
        entity.Version = 3;
        return entity;
    }

    private static Customer Customer()
    {
        var customer = Domain.Customers.Customer.Create(
            "Northwind Water", "Water utility", new Address("1 Main Street", "Springfield", "IL", "62701", "US"),
            new Contact("Ada Lovelace", "ada@example.com", "+1 555 0100"));
        return Audited(customer);
    }

    private static CustomerSite Site()
    {
        var site = CustomerSite.Create(Customer(), "Pump Station", new Address("2 River Road", "Shelbyville", null, null, "US"), null);
        site.Deactivate("Flooded", At);
        return Audited(site);
    }

    private static Contract Contract()
    {
        var contract = Domain.Contracts.Contract.Create(Customer(), "C-001", "Maintenance", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        contract.Cancel("Customer left", At);
        return Audited(contract);
    }

    private static Asset Asset()
    {
        var customer = Customer();
        return Audited(Domain.Assets.Asset.Create(customer, CustomerSite.Create(customer, "Depot", null, null), "Pump A", "X-200", "SN-1"));
    }

    private static readonly Guid ScopedCustomer = Guid.CreateVersion7();

    private static ApiKey ApiKey()
    {
        var key = Domain.Partners.ApiKey.Create("Partner portal", "wo_abcdefg", "hash", [ScopedCustomer]);
        key.Revoke(At);
        return Audited(key);
    }

    private static ServiceProvider Provider() =>
        Audited(ServiceProvider.Create("Pat Plumber", "pat@example.com", "555 0101", ServiceProviderKind.ExternalTechnician, null));

    private static ServiceProviderTeam Team() => Audited(ServiceProviderTeam.Create("North crew", [Provider()]));

    private static readonly Actor Dispatcher = new("user-1", "dispatch@example.com", At);

    private static WorkOrder WorkOrder()
    {
        var customer = Customer();
        var site = CustomerSite.Create(customer, "Depot", null, null);
        var details = new WorkOrderDetails("Replace meter", "Meter is leaking", null, null, WorkOrderCategory.Maintenance, null, null, []);
        var workOrder = Domain.WorkOrders.WorkOrder.Create(42, customer, site, null, details, WorkOrderSource.Office, null, Dispatcher);
        workOrder.AddLineItem("Meter", 1.5m, 120m, 60m, At);
        workOrder.AddComment(Dispatcher, "Customer will be home after 3 pm.");
        workOrder.AddTask("Shut off water");
        return Audited(workOrder);
    }

    private static WorkMarketSync WorkMarketSync()
    {
        var sync = Domain.WorkOrders.WorkMarketSync.Start(Guid.CreateVersion7(), CreatedAt);
        sync.AttemptStarted(CreatedAt);
        sync.Created("100000001", "draft", At);
        sync.Observed("sent", At);
        return sync;
    }

    private static TimeEntry TimeEntry()
    {
        var workOrder = WorkOrder();
        workOrder.Publish(Dispatcher);
        workOrder.AssignToProvider(Provider(), Dispatcher);
        workOrder.StartTimer(Dispatcher);
        return workOrder.StopTimer(Dispatcher with { At = At.AddMinutes(90) });
    }

    private static CreditHourEntry CreditHourEntry() =>
        CreditHourAccount.Open(ScopedCustomer).Purchase(10m, "Prepaid block", "PO-7", Dispatcher);

    private sealed record Case(Type Source, Type Destination, Func<object> Create, Action<object, object> Check);

    private static KeyValuePair<string, Case> Of<TSource, TDestination>(Func<TSource> create, Action<TSource, TDestination> check)
        where TSource : notnull =>
        new($"{typeof(TSource).Name} -> {typeof(TDestination).Name}",
            new Case(typeof(TSource), typeof(TDestination), () => create(), (s, d) => check((TSource)s, (TDestination)d)));

    private static readonly Dictionary<string, Case> Cases = new(
    [
        Of<Address, AddressDto>(
            () => new Address("1 Main Street", "Springfield", "IL", "62701", "US"),
            (s, d) => d.ShouldBe(new AddressDto(s.Street, s.City, s.Region, s.PostalCode, s.Country))),
        Of<Contact, ContactDto>(
            () => new Contact("Ada", "ada@example.com", "555"),
            (s, d) => d.ShouldBe(new ContactDto("Ada", "ada@example.com", "555"))),
        Of<Customer, CustomerDto>(Customer, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.Name.ShouldBe("Northwind Water");
            d.Description.ShouldBe("Water utility");
            d.BillingAddress.ShouldBe(new AddressDto("1 Main Street", "Springfield", "IL", "62701", "US"));
            d.Contact.ShouldBe(new ContactDto("Ada Lovelace", "ada@example.com", "+1 555 0100"));
            d.Status.ShouldBe(CustomerStatus.Active);
            d.DeactivatedAt.ShouldBeNull();
            d.CreatedAt.ShouldBe(CreatedAt);
            d.UpdatedAt.ShouldBe(At);
            d.Version.ShouldBe(3);
        }),
        Of<Customer, CustomerListItemDto>(Customer, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.Name.ShouldBe("Northwind Water");
            d.Description.ShouldBe("Water utility");
            d.Status.ShouldBe(CustomerStatus.Active);
            d.ContactName.ShouldBe("Ada Lovelace");
            d.ContactEmail.ShouldBe("ada@example.com");
            d.ContactPhone.ShouldBe("+1 555 0100");
            d.City.ShouldBe("Springfield");
            d.CreatedAt.ShouldBe(CreatedAt);
        }),
        Of<CustomerSite, SiteDto>(Site, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.CustomerId.ShouldBe(s.CustomerId);
            d.Name.ShouldBe("Pump Station");
            d.Address.City.ShouldBe("Shelbyville");
            d.Contact.ShouldBe(new ContactDto("Ada Lovelace", "ada@example.com", "+1 555 0100"));
            d.Status.ShouldBe(SiteStatus.Deactivated);
            d.DeactivatedAt.ShouldBe(At);
            d.DeactivationReason.ShouldBe("Flooded");
            d.CreatedAt.ShouldBe(CreatedAt);
            d.Version.ShouldBe(3);
        }),
        Of<Contract, ContractDto>(Contract, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.CustomerId.ShouldBe(s.CustomerId);
            d.Number.ShouldBe("C-001");
            d.Name.ShouldBe("Maintenance");
            d.StartDate.ShouldBe(new DateOnly(2026, 1, 1));
            d.EndDate.ShouldBe(new DateOnly(2026, 12, 31));
            d.Status.ShouldBe(ContractStatus.Cancelled);
            d.CancelledAt.ShouldBe(At);
            d.CancellationReason.ShouldBe("Customer left");
            d.CreatedAt.ShouldBe(CreatedAt);
            d.Version.ShouldBe(3);
        }),
        Of<Asset, AssetDto>(Asset, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.CustomerId.ShouldBe(s.CustomerId);
            d.SiteId.ShouldBe(s.SiteId);
            d.Name.ShouldBe("Pump A");
            d.Model.ShouldBe("X-200");
            d.SerialNumber.ShouldBe("SN-1");
            d.CreatedAt.ShouldBe(CreatedAt);
            d.Version.ShouldBe(3);
        }),
        Of<ApiKey, ApiKeyDto>(ApiKey, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.Name.ShouldBe("Partner portal");
            d.Prefix.ShouldBe("wo_abcdefg");
            d.CustomerIds.ShouldBe([ScopedCustomer]);
            d.CreatedAt.ShouldBe(CreatedAt);
            d.CreatedBy.ShouldBe("user-1");
            d.RevokedAt.ShouldBe(At);
            d.LastUsedAt.ShouldBeNull();
        }),

        // Service providers and work orders: identity and a few key fields (their own tests cover the rest).
        Of<ServiceProvider, ServiceProviderDto>(Provider, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.Name.ShouldBe("Pat Plumber");
            d.Kind.ShouldBe(ServiceProviderKind.ExternalTechnician);
            d.IsThirdParty.ShouldBeTrue();
            d.IsActive.ShouldBeTrue();
            d.Version.ShouldBe(3);
        }),
        Of<ServiceProviderTeam, TeamDto>(Team, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.Name.ShouldBe("North crew");
            d.MemberIds.ShouldBe(s.MemberIds);
            d.MemberIds.Count.ShouldBe(1);
        }),
        Of<WorkOrder, WorkOrderDto>(WorkOrder, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.Number.ShouldBe(42);
            d.CustomerId.ShouldBe(s.CustomerId);
            d.SiteId.ShouldBe(s.SiteId);
            d.Title.ShouldBe("Replace meter");
            d.Status.ShouldBe(s.Status);
            d.LineItems.ShouldHaveSingleItem().Description.ShouldBe("Meter");
            d.Comments.ShouldHaveSingleItem().Text.ShouldBe("Customer will be home after 3 pm.");
            d.Tasks.ShouldHaveSingleItem().Title.ShouldBe("Shut off water");
            d.History.Count.ShouldBe(s.History.Count);
            d.Version.ShouldBe(3);
        }),
        Of<WorkMarketSync, WorkMarketSyncDto>(WorkMarketSync, (s, d) =>
        {
            d.AssignmentId.ShouldBe("100000001");
            d.Status.ShouldBe(WorkMarketSyncStatus.Sent);
            d.WorkMarketStatus.ShouldBe("sent");
            d.LastError.ShouldBeNull();
            d.Attempts.ShouldBe(1);
            d.LastSyncedAt.ShouldBe(At);
            d.UpdatedAt.ShouldBe(s.UpdatedAt);
        }),
        Of<LineItem, LineItemDto>(() => WorkOrder().LineItems.Single(), (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.Description.ShouldBe("Meter");
            d.EstimatedLabourHours.ShouldBe(1.5m);
            d.PartsCost.ShouldBe(120m);
            d.HourlyRate.ShouldBe(60m);
        }),
        Of<Comment, CommentDto>(() => WorkOrder().Comments.Single(), (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.AuthorId.ShouldBe("user-1");
            d.AuthorName.ShouldBe("dispatch@example.com");
            d.Text.ShouldBe("Customer will be home after 3 pm.");
        }),
        Of<StatusChange, StatusChangeDto>(() => WorkOrder().History.First(), (s, d) =>
        {
            d.From.ShouldBeNull();
            d.To.ShouldBe(s.To);
            d.ChangedBy.ShouldBe("user-1");
            d.ChangedAt.ShouldBe(At);
        }),
        Of<WorkOrderTask, WorkOrderTaskDto>(() => WorkOrder().Tasks.Single(), (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.Title.ShouldBe("Shut off water");
            d.Status.ShouldBe(s.Status);
        }),

        // Time and billing.
        Of<TimeEntry, TimeEntryDto>(TimeEntry, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.WorkOrderId.ShouldBe(s.WorkOrderId);
            d.UserId.ShouldBe("user-1");
            d.UserName.ShouldBe("dispatch@example.com");
            d.StartedAt.ShouldBe(At);
            d.EndedAt.ShouldBe(At.AddMinutes(90));
            d.Hours.ShouldBe(1.5m);
            d.IsRunning.ShouldBeFalse();
            d.Source.ShouldBe(TimeEntrySource.Timer);
            d.RecordedByName.ShouldBe("dispatch@example.com");
        }),
        Of<CreditHourEntry, CreditHourEntryDto>(CreditHourEntry, (s, d) =>
        {
            d.Id.ShouldBe(s.Id);
            d.CustomerId.ShouldBe(ScopedCustomer);
            d.Sequence.ShouldBe(1);
            d.Kind.ShouldBe(CreditHourEntryKind.Purchase);
            d.Hours.ShouldBe(10m);
            d.BalanceAfter.ShouldBe(10m);
            d.Reference.ShouldBe("PO-7");
            d.Note.ShouldBe("Prepaid block");
            d.CreatedAt.ShouldBe(At);
            d.CreatedByName.ShouldBe("dispatch@example.com");
        }),
    ]);
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;
using WorkOrders.Application.WorkOrders;
using WorkOrders.Infrastructure.Jobs;
using WorkOrders.Infrastructure.Persistence.Outbox;
using WorkOrders.Infrastructure.WorkMarket;
using WorkOrders.WorkMarket.Sandbox;

namespace WorkOrders.Api.IntegrationTests.Integrations;

public sealed record WorkMarketSyncBody(string? AssignmentId, string Status, string? WorkMarketStatus, string? LastError, int Attempts, DateTime? LastSyncedAt);

public sealed record WorkOrderWithWorkMarket(Guid Id, long Number, string Status, string Routing, WorkMarketSyncBody? WorkMarket);

/// <summary>The WorkMarket dispatch end to end: bulk "send to WorkMarket" writes the outbox row, the dispatch
/// handler (called directly, as the outbox job will) talks real HTTP to the sandbox, the work order shows the
/// result. Faults are injected in the sandbox; every case checks that one work order never becomes two assignments.</summary>
public abstract partial class WorkMarketDispatchTests(WorkMarketApiFactory factory) : IAsyncLifetime
{
    protected WorkMarketApiFactory Factory { get; } = factory;

    protected SandboxHost Sandbox => Factory.Sandbox;

    public async Task InitializeAsync()
    {
        Sandbox.Faults = new FaultSettings();
        Sandbox.Options.Webhook = new WebhookSettings();
        using var scope = Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WorkMarketResilience>().CloseCircuitAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task HappyPath_BulkSend_Dispatch_CreatesOneAssignmentWithOurId_SendsIt_AndTheWorkOrderShowsIt()
    {
        var (id, number, row) = await SentToWorkMarketAsync();

        await DispatchAsync(row);

        var assignment = AssignmentsOf(number).ShouldHaveSingleItem();
        assignment.Status.ShouldBe("sent");
        assignment.ExternalWorkId.ShouldBe(number.ToString(CultureInfo.InvariantCulture));
        assignment.Groups.ShouldBe([WorkMarketApiFactory.TalentPool]);
        assignment.IndustryId.ShouldBe(1000);
        assignment.FlatPrice.ShouldBe(180m);
        assignment.Location["location_city"].ShouldBe("Springfield");
        assignment.Location["location_country"].ShouldBe("USA");

        var workOrder = await GetAsync(id);
        workOrder.Routing.ShouldBe("WorkMarket");
        var sync = workOrder.WorkMarket.ShouldNotBeNull();
        sync.AssignmentId.ShouldBe(assignment.Id);
        sync.Status.ShouldBe("Sent");
        sync.WorkMarketStatus.ShouldBe("sent");
        sync.LastError.ShouldBeNull();
        sync.Attempts.ShouldBe(1);
        sync.LastSyncedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ExpiredToken_401Once_ReauthorizesOnce_AndSucceeds()
    {
        var (_, number, row) = await SentToWorkMarketAsync();
        await DispatchAsync(await SentToWorkMarketRowOfAnotherAsync()); // a token is cached
        Sandbox.Store.ExpireTokens();
        var authorizations = Sandbox.Store.Authorizations;

        await DispatchAsync(row);

        Sandbox.Store.Authorizations.ShouldBe(authorizations + 1);
        AssignmentsOf(number).ShouldHaveSingleItem().Status.ShouldBe("sent");
    }

    [Fact]
    public async Task BusinessError_OnHttp200_IsRecordedAsFailed_AndDeadLetteredNotRetried()
    {
        var (id, number, row) = await SentToWorkMarketAsync();
        Sandbox.Faults.BusinessErrorNext = 1;
        var creates = Sandbox.Store.RequestCount("/assignments/create");

        var failure = await Should.ThrowAsync<PermanentOutboxFailureException>(() => DispatchAsync(row));

        failure.Message.ShouldContain("industry_id is not valid");
        Sandbox.Store.RequestCount("/assignments/create").ShouldBe(creates + 1); // no blind retry
        AssignmentsOf(number).ShouldBeEmpty();
        var sync = (await GetAsync(id)).WorkMarket.ShouldNotBeNull();
        sync.Status.ShouldBe("Failed");
        sync.LastError.ShouldNotBeNull().ShouldContain("industry_id is not valid");
    }

    [Fact]
    public async Task ServiceUnavailable_OnIdempotentCalls_IsRetried_ThenSucceeds()
    {
        var (_, number, row) = await SentToWorkMarketAsync();
        Sandbox.Faults = new FaultSettings { PathContains = "/send", ServiceUnavailableNext = 2 };
        var sends = Sandbox.Store.RequestCount("/send");

        await DispatchAsync(row);

        Sandbox.Store.RequestCount("/send").ShouldBe(sends + 3);
        AssignmentsOf(number).ShouldHaveSingleItem().Status.ShouldBe("sent");
    }

    [Fact]
    public async Task ServiceUnavailable_OnCreate_IsNotResentBlindly_TheNextRunLooksUpThenCreates_OneAssignment()
    {
        var (id, number, row) = await SentToWorkMarketAsync();
        Sandbox.Faults = new FaultSettings { PathContains = "/create", ServiceUnavailableNext = 1 };
        var creates = Sandbox.Store.RequestCount("/assignments/create");

        var first = await Should.ThrowAsync<WorkMarketException>(() => DispatchAsync(row));
        first.IsTransient.ShouldBeTrue();
        Sandbox.Store.RequestCount("/assignments/create").ShouldBe(creates + 1);
        (await GetAsync(id)).WorkMarket!.LastError.ShouldNotBeNull();

        await DispatchAsync(row); // the outbox job's retry

        AssignmentsOf(number).ShouldHaveSingleItem().Status.ShouldBe("sent");
        var sync = (await GetAsync(id)).WorkMarket!;
        sync.Status.ShouldBe("Sent");
        sync.Attempts.ShouldBe(2);
        sync.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task RateLimited_429_WaitsForXRateLimitReset_ThenSucceeds()
    {
        var (_, number, row) = await SentToWorkMarketAsync();
        Sandbox.Faults = new FaultSettings { PathContains = "/list_updated", RateLimitNext = 1, RateLimitResetSeconds = 1 };

        var clock = Stopwatch.StartNew();
        await DispatchAsync(row);

        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(900));
        Sandbox.Faults.RateLimitNext.ShouldBe(0);
        AssignmentsOf(number).ShouldHaveSingleItem().Status.ShouldBe("sent");
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("504")]
    public async Task LostCreateResponse_IsFoundByOurId_ExactlyOneAssignment(string mode)
    {
        var (id, number, row) = await SentToWorkMarketAsync();
        Sandbox.Faults = new FaultSettings { LoseCreateResponsesNext = 1, LostResponseMode = mode };
        var total = Sandbox.Store.Count;

        await DispatchAsync(row);

        Sandbox.Faults.LoseCreateResponsesNext.ShouldBe(0); // the fault did happen
        Sandbox.Store.Count.ShouldBe(total + 1);
        var assignment = AssignmentsOf(number).ShouldHaveSingleItem();
        assignment.Status.ShouldBe("sent");
        (await GetAsync(id)).WorkMarket!.AssignmentId.ShouldBe(assignment.Id);
    }

    [Fact]
    public async Task HandlerRunTwice_StillOneAssignment_SentAgain()
    {
        var (id, number, row) = await SentToWorkMarketAsync();

        await DispatchAsync(row);
        await DispatchAsync(row);

        var assignment = AssignmentsOf(number).ShouldHaveSingleItem();
        assignment.SendCount.ShouldBe(2);
        (await GetAsync(id)).WorkMarket!.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task WorkOrderNoLongerRoutedToWorkMarket_VoidsTheSentAssignment_AndCreatesNothing()
    {
        var (id, number, row) = await SentToWorkMarketAsync();
        await DispatchAsync(row);
        var dispatcher = await Factory.SessionAsync("Dispatcher");
        (await dispatcher.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "Cancel", ids = new[] { id }, reason = "Not needed" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var withdraw = await Factory.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .SingleAsync(m => m.Key.StartsWith($"workmarket-dispatch:{id}:withdraw:")));

        await DispatchAsync(withdraw);
        await DispatchAsync(row); // a late first dispatch creates nothing either

        AssignmentsOf(number).ShouldHaveSingleItem().Status.ShouldBe("void");
        var sync = (await GetAsync(id)).WorkMarket!;
        sync.Status.ShouldBe("Cancelled");
        sync.WorkMarketStatus.ShouldBe("void");
    }

    [Fact]
    public async Task AssignTransitionToWorkMarket_WritesTheDispatch_AndUnassigning_WritesAWithdrawal()
    {
        var (id, number, row) = await SentToWorkMarketAsync();
        await DispatchAsync(row);
        var dispatcher = await Factory.SessionAsync("Dispatcher");

        (await dispatcher.PostJsonAsync($"/api/v1/work-orders/{id}/transitions", new { action = "Unassign", reason = "Our own technician goes" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var withdraw = await Factory.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .SingleAsync(m => m.Key.StartsWith($"workmarket-dispatch:{id}:withdraw:")));
        await DispatchAsync(withdraw);
        AssignmentsOf(number).ShouldHaveSingleItem().Status.ShouldBe("void");

        (await dispatcher.PostJsonAsync($"/api/v1/work-orders/{id}/transitions", new { action = "Assign", toWorkMarket = true }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await Factory.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Key == WorkMarketDispatch.Key(id)).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());
        again.Count.ShouldBe(2);

        await DispatchAsync(again[1]); // the voided assignment is not reused: a new one, sent

        var assignments = AssignmentsOf(number);
        assignments.Select(a => a.Status).ShouldBe(["void", "sent"], ignoreOrder: true);
        (await GetAsync(id)).WorkMarket!.AssignmentId.ShouldBe(assignments.Single(a => a.Status == "sent").Id);
    }

    [Fact]
    public async Task PersistentFailure_OpensTheCircuit_AndCallsStopReachingWorkMarket()
    {
        using var scope = Factory.Services.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<WorkMarketClient>();
        var resilience = scope.ServiceProvider.GetRequiredService<WorkMarketResilience>();
        await client.ListTalentPoolsAsync(CancellationToken.None); // authorized while healthy
        Sandbox.Faults = new FaultSettings { PathContains = "/groups/list", ServiceUnavailableRate = 1.0 };

        try
        {
            var first = await Should.ThrowAsync<WorkMarketException>(() => client.ListTalentPoolsAsync(CancellationToken.None));
            first.IsTransient.ShouldBeTrue();
            resilience.CircuitState.ShouldBe(CircuitState.Open);
            var calls = Sandbox.Store.RequestCount("/groups/list");

            var rejected = await Should.ThrowAsync<WorkMarketException>(() => client.ListTalentPoolsAsync(CancellationToken.None));

            rejected.InnerException.ShouldBeOfType<BrokenCircuitException>();
            rejected.IsTransient.ShouldBeTrue();
            Sandbox.Store.RequestCount("/groups/list").ShouldBe(calls); // not sent at all
        }
        finally
        {
            Sandbox.Faults = new FaultSettings();
            await resilience.CloseCircuitAsync();
        }

        (await client.ListTalentPoolsAsync(CancellationToken.None)).Select(p => p.Id).ShouldContain(WorkMarketApiFactory.TalentPool);
    }

    protected async Task<(Guid Id, long Number, OutboxMessage Row)> SentToWorkMarketAsync()
    {
        var dispatcher = await Factory.SessionAsync("Dispatcher");
        var customer = await Make.CustomerAsync(dispatcher);
        var site = await (await dispatcher.PostJsonAsync($"/api/v1/customers/{customer.Id}/sites", new
        {
            name = Unique.Name("Pump station"),
            address = new AddressBody("12 Water Lane", "Springfield", "IL", "62704", "US"),
        })).ShouldBeAsync<IdOnly>(HttpStatusCode.Created);
        var workOrder = await (await dispatcher.PostJsonAsync("/api/v1/work-orders", new
        {
            customerId = customer.Id,
            siteId = site.Id,
            title = "Replace meter",
            serviceRequested = "Replace the water meter at the pump station",
            category = "Service",
            source = "Phone",
            scheduledStart = DateTime.UtcNow.AddDays(2).ToString("O"),
        })).ShouldBeAsync<WorkOrderWithWorkMarket>(HttpStatusCode.Created);
        var bulk = await dispatcher.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "SendToWorkMarket", ids = new[] { workOrder.Id } });
        bulk.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = await Factory.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Key == WorkMarketDispatch.Key(workOrder.Id)));
        row.Type.ShouldBe("WorkMarketDispatch");
        return (workOrder.Id, workOrder.Number, row);
    }

    private async Task<OutboxMessage> SentToWorkMarketRowOfAnotherAsync() => (await SentToWorkMarketAsync()).Row;

    /// <summary>What the outbox job will do: the handler registered for the row's type, in a fresh scope.</summary>
    protected async Task DispatchAsync(OutboxMessage row)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetServices<IOutboxMessageHandler>().Single(h => h.Type == row.Type);
        await handler.HandleAsync(row, CancellationToken.None);
    }

    protected List<SandboxAssignment> AssignmentsOf(long number) =>
        Sandbox.Store.All().Where(a => a.ExternalWorkId == number.ToString(CultureInfo.InvariantCulture)).ToList();

    protected async Task<WorkOrderWithWorkMarket> GetAsync(Guid id)
    {
        var client = await Factory.SessionAsync("Dispatcher");
        return await (await client.GetAsync($"/api/v1/work-orders/{id}")).ShouldBeAsync<WorkOrderWithWorkMarket>(HttpStatusCode.OK);
    }

    public sealed record IdOnly(Guid Id);
}

public sealed class WorkMarketDispatchTestsOnSqlite(SqliteWorkMarketApiFactory factory)
    : WorkMarketDispatchTests(factory), IClassFixture<SqliteWorkMarketApiFactory>;

public sealed class WorkMarketDispatchTestsOnPostgres(PostgresWorkMarketApiFactory factory)
    : WorkMarketDispatchTests(factory), IClassFixture<PostgresWorkMarketApiFactory>;

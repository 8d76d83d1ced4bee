namespace WorkOrders.Api.IntegrationTests.WorkOrderTests;

/// <summary>Keyset pages stay stable while work orders are inserted between page requests.</summary>
public abstract class WorkOrderPaginationTests(ApiFactory factory)
{
    [Fact]
    public async Task Oldest_InsertsBetweenPages_NoDuplicates_NoSkips_AndTheNewRowsComeAtTheEnd()
    {
        var (client, customer, site) = await CustomerAsync();
        var initial = await CreateManyAsync(client, customer, site, 5);
        var q = $"customerId={customer.Id}&sort=Oldest&limit=2";

        var page1 = await Wo.ListAsync(client, q);
        page1.Items.Select(w => w.Id).ShouldBe(initial[..2]);
        page1.NextCursor.ShouldNotBeNull();

        var inserted = await CreateManyAsync(client, customer, site, 3);
        var rest = await Wo.ListIdsAsync(client, q, page1.NextCursor);

        var seen = page1.Items.Select(w => w.Id).Concat(rest).ToList();
        seen.ShouldBe([.. initial, .. inserted]);
        seen.Distinct().Count().ShouldBe(seen.Count);
    }

    [Fact]
    public async Task Newest_InsertsBetweenPages_DoNotShiftLaterPages_NorAppearInThem()
    {
        var (client, customer, site) = await CustomerAsync();
        var initial = await CreateManyAsync(client, customer, site, 5);
        var q = $"customerId={customer.Id}&limit=2";

        var page1 = await Wo.ListAsync(client, q);
        page1.Items.Select(w => w.Id).ShouldBe([initial[4], initial[3]]);

        var inserted = await CreateManyAsync(client, customer, site, 3);
        var page2 = await Wo.ListAsync(client, $"{q}&cursor={Uri.EscapeDataString(page1.NextCursor!)}");
        page2.Items.Select(w => w.Id).ShouldBe([initial[2], initial[1]]);
        var page3 = await Wo.ListAsync(client, $"{q}&cursor={Uri.EscapeDataString(page2.NextCursor!)}");
        page3.Items.Select(w => w.Id).ShouldBe([initial[0]]);
        page3.NextCursor.ShouldBeNull();

        // A fresh first page shows the new rows first.
        (await Wo.ListIdsAsync(client, $"customerId={customer.Id}&limit=3")).ShouldBe([.. inserted.AsEnumerable().Reverse(), .. initial.AsEnumerable().Reverse()]);
    }

    [Fact]
    public async Task Newest_DeletesAndStatusChangesBetweenPages_SkipNothingElse()
    {
        var (client, customer, site) = await CustomerAsync();
        var initial = await CreateManyAsync(client, customer, site, 6);
        var q = $"customerId={customer.Id}&limit=2";

        var page1 = await Wo.ListAsync(client, q);
        (await client.DeleteAsync($"/api/v1/work-orders/{initial[5]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.DeleteAsync($"/api/v1/work-orders/{initial[2]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Wo.TransitionAsync(client, initial[1], "Publish");

        var rest = await Wo.ListIdsAsync(client, q, page1.NextCursor);

        rest.ShouldBe([initial[3], initial[1], initial[0]]);
    }

    [Fact]
    public async Task Scheduled_PagesAcrossEqualStartsAndTheUnscheduledTail_WithoutLossOrRepeat()
    {
        var (client, customer, site) = await CustomerAsync();
        var day = new DateTime(2034, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        DateTime?[] starts = [day.AddDays(2), null, day, day.AddDays(2), null, day, day.AddDays(1), null];
        var created = new List<WoDetail>();
        foreach (var start in starts)
        {
            created.Add(await Wo.CreateAsync(client, customer.Id, site.Id, scheduledStart: start));
        }

        var expected = created.OrderBy(w => w.ScheduledStart is null).ThenBy(w => w.ScheduledStart).ThenBy(w => w.Number).Select(w => w.Id).ToList();

        foreach (var limit in new[] { 1, 2, 3, 5 })
        {
            (await Wo.ListIdsAsync(client, $"customerId={customer.Id}&sort=Scheduled&limit={limit}")).ShouldBe(expected, $"limit {limit}");
        }

        // An insert scheduled later than the cursor shows up in its place; nothing seen is repeated.
        var page1 = await Wo.ListAsync(client, $"customerId={customer.Id}&sort=Scheduled&limit=3");
        var later = await Wo.CreateAsync(client, customer.Id, site.Id, scheduledStart: day.AddDays(5));
        var rest = await Wo.ListIdsAsync(client, $"customerId={customer.Id}&sort=Scheduled&limit=3", page1.NextCursor);
        var all = page1.Items.Select(w => w.Id).Concat(rest).ToList();
        all.Distinct().Count().ShouldBe(all.Count);
        all.ShouldBe([.. expected.Take(5), later.Id, .. expected.Skip(5)]);
    }

    [Fact]
    public async Task ACursor_OfAnotherSort_Is400()
    {
        var (client, customer, site) = await CustomerAsync();
        await CreateManyAsync(client, customer, site, 3);
        var page = await Wo.ListAsync(client, $"customerId={customer.Id}&sort=Oldest&limit=1");

        var response = await client.GetAsync($"/api/v1/work-orders?customerId={customer.Id}&sort=Newest&limit=1&cursor={Uri.EscapeDataString(page.NextCursor!)}");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<(HttpClient Client, Customer Customer, Site Site)> CustomerAsync()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        return (client, customer, site);
    }

    private static async Task<Guid[]> CreateManyAsync(HttpClient client, Customer customer, Site site, int count)
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await Wo.CreateAsync(client, customer.Id, site.Id)).Id;
        }

        return ids;
    }
}

public sealed class WorkOrderPaginationTestsOnSqlite(SqliteApiFactory factory) : WorkOrderPaginationTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class WorkOrderPaginationTestsOnPostgres(PostgresApiFactory factory) : WorkOrderPaginationTests(factory), IClassFixture<PostgresApiFactory>;

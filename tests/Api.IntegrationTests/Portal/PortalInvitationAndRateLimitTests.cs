using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using WorkOrders.Api.IntegrationTests.Jobs;
using WorkOrders.Application.Notifications;

namespace WorkOrders.Api.IntegrationTests.Portal;

/// <summary>The portal invitation through the outbox to a real SMTP server: to the customer's contact (or the chosen
/// recipient) with the link, CC to every team manager; the token does not stay in the outbox row once delivered.</summary>
public abstract class PortalInvitationTests(JobsApiFactory factory)
{
    [Fact]
    public async Task AnEmailedLink_ArrivesWithTheUrl_CcToTheTeamManagers_AndTheTokenLeavesTheOutbox()
    {
        await factory.MakeDueAsync();
        await factory.ProcessAllDueAsync();
        factory.Smtp.Clear();
        var secondManager = await factory.CreateUserAsync("TeamManager");
        var (workOrder, _) = await PortalApi.WorkOrderAsync(factory);
        var contact = (await (await (await factory.SessionAsync("Dispatcher")).GetAsync($"/api/v1/customers/{workOrder.CustomerId}")).ShouldBeAsync<Customer>(HttpStatusCode.OK)).Contact.Email;

        var created = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate",
            new { view = "Estimate", sendEmail = true, message = "Please review the estimate before Friday." });
        created.Link.EmailedTo.ShouldBe(contact);
        var row = (await factory.OutboxAsync(m => m.Key == $"portal-invitation:{created.Link.Id}")).ShouldHaveSingleItem();
        row.Type.ShouldBe(PortalInvitationMessages.Type);

        await factory.ProcessAllDueAsync();

        // (The work order's own notifications — opened, assigned — go out in the same run.)
        var mail = factory.Smtp.Received.Where(m => m.Subject.Contains("is ready", StringComparison.Ordinal)).ShouldHaveSingleItem();
        mail.To.ShouldBe([contact]);
        var cc = mail.Message.Cc.Mailboxes.Select(m => m.Address).ToList();
        cc.ShouldContain("teammanager@tests.local");
        cc.ShouldContain(secondManager);
        mail.EnvelopeTo.ShouldContain(secondManager);
        mail.Subject.ShouldContain(workOrder.DisplayNumber);
        mail.Text.ShouldContain(created.Url);
        mail.Text.ShouldContain("Please review the estimate before Friday.");
        mail.Html.ShouldContain(created.Url);
        (await factory.Anonymous().GetAsync(new Uri(created.Url).AbsolutePath.Replace("/portal/", "/api/v1/portal/", StringComparison.Ordinal) + "/estimate"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var delivered = (await factory.OutboxAsync(m => m.Id == row.Id)).Single();
        delivered.ProcessedAt.ShouldNotBeNull();
        delivered.Payload.ShouldNotContain(created.Token);
        JsonDocument.Parse(delivered.Payload).RootElement.GetProperty("Token").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task ALinkToCopy_SendsNothing_AndARevokedLinkIsNotMailed()
    {
        await factory.MakeDueAsync();
        await factory.ProcessAllDueAsync();
        factory.Smtp.Clear();
        var (workOrder, _) = await PortalApi.WorkOrderAsync(factory);

        var copied = await PortalApi.LinkAsync(factory, workOrder.Id, "Invoice");
        copied.Link.EmailedTo.ShouldBeNull();
        (await factory.OutboxAsync(m => m.Key == $"portal-invitation:{copied.Link.Id}")).ShouldBeEmpty();

        var revoked = await PortalApi.LinkAsync(factory, workOrder.Id, "Invoice", new { view = "Invoice", sendEmail = true, recipientEmail = "someone@customer.example" });
        revoked.Link.EmailedTo.ShouldBe("someone@customer.example");
        (await (await factory.SessionAsync("TeamManager")).DeleteAsync($"/api/v1/work-orders/{workOrder.Id}/portal-links/{revoked.Link.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await factory.ProcessAllDueAsync();
        factory.Smtp.Received.Where(m => m.Subject.Contains("is ready", StringComparison.Ordinal)).ShouldBeEmpty();
        (await factory.OutboxAsync(m => m.Key == $"portal-invitation:{revoked.Link.Id}")).Single().Payload.ShouldNotContain(revoked.Token);
    }
}

public sealed class PortalInvitationTestsOnSqlite(SqliteJobsApiFactory factory) : PortalInvitationTests(factory), IClassFixture<SqliteJobsApiFactory>;

public sealed class PortalInvitationTestsOnPostgres(PostgresJobsApiFactory factory) : PortalInvitationTests(factory), IClassFixture<PostgresJobsApiFactory>;

/// <summary>The API with a small portal rate limit per token.</summary>
public abstract class PortalRateLimitFactory(TestProvider provider) : ApiFactory(provider)
{
    public const int PerToken = 5;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Limits:PortalPerTokenPerMinute", PerToken.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class SqlitePortalRateLimitFactory() : PortalRateLimitFactory(TestProvider.Sqlite);

public sealed class PostgresPortalRateLimitFactory() : PortalRateLimitFactory(TestProvider.Postgres);

public abstract class PortalRateLimitTests(PortalRateLimitFactory factory)
{
    [Fact]
    public async Task ATokenIsRateLimited_429WithRetryAfter_ValidOrNot_OtherTokensUnaffected()
    {
        var (workOrder, _) = await PortalApi.WorkOrderAsync(factory);
        var link = await PortalApi.LinkAsync(factory, workOrder.Id, "Estimate");
        var other = await PortalApi.LinkAsync(factory, workOrder.Id, "Invoice");
        var anonymous = factory.Anonymous();

        for (var i = 0; i < PortalRateLimitFactory.PerToken; i++)
        {
            (await anonymous.GetAsync(PortalApi.Url(link.Token, "/estimate"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var limited = await anonymous.GetAsync(PortalApi.Url(link.Token, "/estimate"));
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        await (await anonymous.GetAsync(PortalApi.Url(link.Token, "/estimate/pdf"))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        (await anonymous.GetAsync(PortalApi.Url(other.Token, "/invoice"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A guessed token is limited the same way (no oracle: the limit does not depend on validity).
        var guess = new string('G', 43);
        for (var i = 0; i < PortalRateLimitFactory.PerToken; i++)
        {
            (await anonymous.GetAsync(PortalApi.Url(guess))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await (await anonymous.GetAsync(PortalApi.Url(guess))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }
}

public sealed class PortalRateLimitTestsOnSqlite(SqlitePortalRateLimitFactory factory) : PortalRateLimitTests(factory), IClassFixture<SqlitePortalRateLimitFactory>;

public sealed class PortalRateLimitTestsOnPostgres(PostgresPortalRateLimitFactory factory) : PortalRateLimitTests(factory), IClassFixture<PostgresPortalRateLimitFactory>;

using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WorkOrders.Api.IntegrationTests.Auth;

/// <summary>Cookie sign-in for staff: wrong passwords, lockout, who am I, sign-out.</summary>
public abstract class AuthFlowTests(ApiFactory factory)
{
    private const string InvalidCredentials = "Invalid e-mail or password.";

    [Fact]
    public async Task WrongPassword_Is401_ProblemDetails_AndAnUnknownEmailGetsTheSameAnswer()
    {
        var email = await factory.CreateUserAsync("Dispatcher");
        var client = factory.Anonymous();

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wrong-Passw0rd!" });
        var wrongProblem = await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        wrong.Headers.Contains("Set-Cookie").ShouldBeFalse("no session for a failed sign-in");

        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = Unique.Email("nobody"), password = "Wrong-Passw0rd!" });
        var unknownProblem = await unknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // No user enumeration: the same title and detail whether or not the account exists.
        unknownProblem.GetProperty("title").GetString().ShouldBe(wrongProblem.GetProperty("title").GetString());
        unknownProblem.GetProperty("detail").GetString().ShouldBe(wrongProblem.GetProperty("detail").GetString());
        await (await client.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_ThenEvenTheRightPasswordIs401_WithALockoutDetail()
    {
        var email = await factory.CreateUserAsync("Technician");
        var client = factory.Anonymous();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"Wrong-Passw0rd-{attempt}" });
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            if (attempt < 5)
            {
                problem.GetProperty("detail").GetString().ShouldBe(InvalidCredentials);
            }
        }

        var sixth = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password });
        var locked = await sixth.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        locked.GetProperty("detail").GetString()!.ShouldContain("locked", Case.Insensitive);
        sixth.Headers.Contains("Set-Cookie").ShouldBeFalse("a locked-out account gets no session");

        var users = await (await (await factory.SessionAsync("Admin")).GetAsync("/api/v1/users")).ShouldBeAsync<List<UserRow>>(HttpStatusCode.OK);
        users.Single(u => u.Email == email).LockedOut.ShouldBeTrue();

        // Another account is not affected.
        (await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = await factory.CreateUserAsync("Technician"), password = ApiFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ASuccessfulSignIn_ResetsTheFailedAttempts()
    {
        var email = await factory.CreateUserAsync("Ops");
        for (var round = 0; round < 2; round++)
        {
            for (var attempt = 0; attempt < 4; attempt++)
            {
                await (await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wrong-Passw0rd!" }))
                    .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            }

            (await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Me_ReturnsTheEmailAndRoles_OfTheSignedInUser()
    {
        var email = await factory.CreateUserAsync("TeamManager", "Dispatcher");
        var client = factory.Anonymous();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = email.ToUpperInvariant(), password = ApiFactory.Password }))
            .ShouldBeAsync<SignedInUser>(HttpStatusCode.OK);
        login.Email.ShouldBe(email);

        var me = await (await client.GetAsync("/api/v1/auth/me")).ShouldBeAsync<SignedInUser>(HttpStatusCode.OK);

        me.Email.ShouldBe(email);
        me.Id.ShouldBe(login.Id);
        me.Roles.ShouldBe(["Dispatcher", "TeamManager"], ignoreOrder: true);
        me.AntiforgeryToken.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Logout_EndsTheSession_ThenMeIs401()
    {
        var client = await factory.SignInAsync("Dispatcher");
        (await client.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/v1/customers")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/v1/customers", Make.Customer())).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>OWASP ASVS 3.3.1: logout invalidates the session token. A session cookie copied before the user
    /// signed out (another tab, a proxy log, a stolen cookie) must not resume the session.</summary>
    [Fact]
    public async Task SessionCookie_ReplayedAfterLogout_Is401()
    {
        var email = await factory.CreateUserAsync("Dispatcher");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password });
        var me = await login.ShouldBeAsync<SignedInUser>(HttpStatusCode.OK);
        var cookies = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout");
        logout.Headers.Add("Cookie", cookies);
        logout.Headers.Add("X-XSRF-TOKEN", me.AntiforgeryToken);
        (await client.SendAsync(logout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        replay.Headers.Add("Cookie", cookies);
        await (await client.SendAsync(replay)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>A lock-out (an Admin's, or five wrong passwords from elsewhere) ends the sessions the user already has.</summary>
    [Fact]
    public async Task LockingOutAUser_EndsTheirOpenSession()
    {
        var email = await factory.CreateUserAsync("Dispatcher");
        var client = await factory.SignInAsync(email, ApiFactory.Password);
        (await client.GetAsync("/api/v1/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(15))));

        await (await client.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/v1/customers")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    /// <summary>Checking the session does not re-issue the cookie on every answer (only sliding expiration renews it).</summary>
    [Fact]
    public async Task AnAuthenticatedRead_DoesNotReissueTheSessionCookie()
    {
        var email = await factory.CreateUserAsync("Dispatcher");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookies = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/customers");
        read.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(read);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (response.Headers.TryGetValues("Set-Cookie", out var set) ? set : []).ShouldNotContain(c => c.StartsWith("WorkOrders.Session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_SetsAnHttpOnlyStrictSessionCookie_AndAReadableXsrfCookie()
    {
        var email = await factory.CreateUserAsync("Dispatcher");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password });

        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        var session = cookies.Single(c => c.StartsWith("WorkOrders.Session=", StringComparison.Ordinal));
        session.ShouldContain("httponly", Case.Insensitive);
        session.ShouldContain("samesite=strict", Case.Insensitive);
        var xsrf = cookies.Single(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        xsrf.ShouldNotContain("httponly", Case.Insensitive);
        xsrf.ShouldContain("samesite=strict", Case.Insensitive);
    }
}

public sealed class AuthFlowTestsOnSqlite(SqliteApiFactory factory) : AuthFlowTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class AuthFlowTestsOnPostgres(PostgresApiFactory factory) : AuthFlowTests(factory), IClassFixture<PostgresApiFactory>;

using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace WorkOrders.Api.IntegrationTests.Auth;

/// <summary>Admin manages staff users: create with roles, duplicates and weak passwords refused, list.</summary>
public abstract class UserManagementTests(ApiFactory factory)
{
    private static readonly string[] AdminRole = ["Admin"];
    private static readonly string[] DispatcherRole = ["Dispatcher"];
    private static readonly string[] TwoRoles = ["ProjectManager", "AccountsReceivable"];
    [Fact]
    public async Task Admin_CreatesAUserWithRoles_WhoCanSignIn_AndIsListed()
    {
        var admin = await factory.SessionAsync("Admin");
        var email = Unique.Email("created");

        var response = await admin.PostJsonAsync("/api/v1/users",
            new { email, displayName = "Casey Created", password = ApiFactory.Password, roles = TwoRoles });

        var user = await response.ShouldBeAsync<UserRow>(HttpStatusCode.Created);
        user.Email.ShouldBe(email);
        user.DisplayName.ShouldBe("Casey Created");
        user.Roles.ShouldBe(["AccountsReceivable", "ProjectManager"], ignoreOrder: true);
        user.LockedOut.ShouldBeFalse();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/users/{user.Id}");

        var signedIn = await factory.SignInAsync(email, ApiFactory.Password);
        var me = await (await signedIn.GetAsync("/api/v1/auth/me")).ShouldBeAsync<SignedInUser>(HttpStatusCode.OK);
        me.Roles.ShouldBe(["AccountsReceivable", "ProjectManager"], ignoreOrder: true);

        var users = await (await admin.GetAsync("/api/v1/users")).ShouldBeAsync<List<UserRow>>(HttpStatusCode.OK);
        users.Single(u => u.Id == user.Id).ShouldBeEquivalentTo(user);
        users.ShouldContain(u => u.Email == ApiFactory.AdminEmail && u.Roles.Contains("Admin"));
    }

    [Fact]
    public async Task TheUserList_HoldsNoSecrets()
    {
        var admin = await factory.SessionAsync("Admin");
        await factory.CreateUserAsync("Technician");

        var body = await (await admin.GetAsync("/api/v1/users")).Content.ReadAsStringAsync();

        foreach (var secret in new[] { "passwordHash", "securityStamp", "concurrencyStamp", ApiFactory.Password, "AQAAAA" })
        {
            body.ShouldNotContain(secret, Case.Insensitive);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DuplicateEmail_Is400_WithErrorsEmail_AndCreatesNothing(bool differentCase)
    {
        var admin = await factory.SessionAsync("Admin");
        var email = await factory.CreateUserAsync("Dispatcher");
        var before = await factory.FingerprintAsync();

        var response = await admin.PostJsonAsync("/api/v1/users",
            new { email = differentCase ? email.ToUpperInvariant() : email, password = ApiFactory.Password, roles = AdminRole });

        await response.ShouldBeValidationProblemAsync("email");
        (await factory.FingerprintAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("Sh0rt!")]
    [InlineData("nouppercase-passw0rd")]
    [InlineData("NOLOWERCASE-PASSW0RD")]
    [InlineData("No-Digits-Password")]
    [InlineData("NoSymbolsPassw0rd")]
    public async Task WeakPassword_Is400_WithErrorsPassword_AndCreatesNothing(string password)
    {
        var admin = await factory.SessionAsync("Admin");
        var email = Unique.Email("weak");
        var before = await factory.FingerprintAsync();

        var response = await admin.PostJsonAsync("/api/v1/users", new { email, password, roles = DispatcherRole });

        await response.ShouldBeValidationProblemAsync("password");
        (await factory.FingerprintAsync()).ShouldBe(before);
        (await factory.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email, password })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Superuser")]
    [InlineData("Partner")]
    [InlineData("")]
    [InlineData("Dispatcher", "Root")]
    public async Task UnknownRole_Is400_WithErrorsOnRoles_AndCreatesNothing(params string[] roles)
    {
        var admin = await factory.SessionAsync("Admin");
        var email = Unique.Email("role");
        var normalized = email.ToUpperInvariant();
        var before = await factory.FingerprintAsync();

        var response = await admin.PostJsonAsync("/api/v1/users", new { email, password = ApiFactory.Password, roles });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var keys = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => k.StartsWith("roles", StringComparison.Ordinal));
        (await factory.FingerprintAsync()).ShouldBe(before);
        (await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.NormalizedEmail == normalized))).ShouldBeFalse();
    }

    [Fact]
    public async Task NoRoles_Is400_WithErrorsRoles()
    {
        var admin = await factory.SessionAsync("Admin");
        await (await admin.PostJsonAsync("/api/v1/users", new { email = Unique.Email("noroles"), password = ApiFactory.Password, roles = Array.Empty<string>() }))
            .ShouldBeValidationProblemAsync("roles");
    }

    [Theory]
    [InlineData("Dispatcher")]
    [InlineData("TeamManager")]
    [InlineData("Ops")]
    public async Task OnlyAdmin_ManagesUsers_NoOneElseCanMintAnAdmin(string role)
    {
        var client = await factory.SessionAsync(role);
        var before = await factory.FingerprintAsync();

        await (await client.PostJsonAsync("/api/v1/users", new { email = Unique.Email("escalate"), password = ApiFactory.Password, roles = AdminRole }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/v1/users")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await factory.FingerprintAsync()).ShouldBe(before);
    }
}

public sealed class UserManagementTestsOnSqlite(SqliteApiFactory factory) : UserManagementTests(factory), IClassFixture<SqliteApiFactory>;

public sealed class UserManagementTestsOnPostgres(PostgresApiFactory factory) : UserManagementTests(factory), IClassFixture<PostgresApiFactory>;

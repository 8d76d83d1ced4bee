using MediatR;
using WorkOrders.Application.ApiKeys.Commands.CreateApiKey;
using WorkOrders.Application.Common.Behaviours;
using WorkOrders.Application.Common.Exceptions;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Common.Security;
using WorkOrders.Application.Customers.Commands.CreateCustomer;
using WorkOrders.Application.Customers.Queries.GetCustomer;
using WorkOrders.Application.UnitTests.Fakes;

namespace WorkOrders.Application.UnitTests.Common.Behaviours;

[Authorize(Roles = Roles.Office)]
public sealed record OfficeRequest : IRequest<string>;

public sealed record UnattributedRequest : IRequest<string>;

[AllowAnonymous]
public sealed record AnonymousRequest : IRequest<string>;

[Authorize(Roles = Roles.Office)]
[Authorize(Roles = Roles.Ops)]
public sealed record OfficeAndOpsRequest : IRequest<string>;

public sealed class AuthorizationBehaviourTests
{
    private static async Task<(string Response, int NextCalls)> SendAsync<TRequest>(IUser user)
        where TRequest : IRequest<string>, new()
    {
        var next = new Next<string>("handled");
        var response = await new AuthorizationBehaviour<TRequest, string>(user).Handle(new TRequest(), CancellationToken.None, next.Delegate);
        return (response, next.Calls);
    }

    [Fact]
    public async Task Anonymous_OnAuthorizedRequest_Is401_AndNeverReachesTheHandler()
    {
        var next = new Next<string>("handled");

        await Should.ThrowAsync<UnauthenticatedException>(() =>
            new AuthorizationBehaviour<OfficeRequest, string>(FakeUser.Anonymous()).Handle(new OfficeRequest(), CancellationToken.None, next.Delegate));

        next.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Anonymous_OnRequestWithoutAttribute_Is401()
    {
        await Should.ThrowAsync<UnauthenticatedException>(() => SendAsync<UnattributedRequest>(FakeUser.Anonymous()));
    }

    [Fact]
    public async Task Anonymous_OnAllowAnonymousRequest_Passes()
    {
        var (response, calls) = await SendAsync<AnonymousRequest>(FakeUser.Anonymous());

        response.ShouldBe("handled");
        calls.ShouldBe(1);
    }

    [Fact]
    public async Task Authenticated_OnRequestWithoutAttribute_Passes_EvenWithoutRoles()
    {
        var (response, calls) = await SendAsync<UnattributedRequest>(FakeUser.WithRoles());

        response.ShouldBe("handled");
        calls.ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.Dispatcher)]
    [InlineData(Roles.ProjectManager)]
    [InlineData(Roles.TeamManager)]
    public async Task RoleListedInTheAttribute_Passes(string role)
    {
        var (_, calls) = await SendAsync<OfficeRequest>(FakeUser.WithRoles(Roles.Technician, role));

        calls.ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.Technician)]
    [InlineData(Roles.AccountsReceivable)]
    [InlineData(Roles.Partner)]
    [InlineData("dispatcher")]
    public async Task RoleNotListed_Is403_AndNeverReachesTheHandler(string role)
    {
        var next = new Next<string>("handled");

        await Should.ThrowAsync<ForbiddenAccessException>(() =>
            new AuthorizationBehaviour<OfficeRequest, string>(FakeUser.WithRoles(role)).Handle(new OfficeRequest(), CancellationToken.None, next.Delegate));

        next.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Admin_PassesEveryRequest()
    {
        var admin = FakeUser.WithRoles(Roles.Admin);

        (await SendAsync<OfficeRequest>(admin)).NextCalls.ShouldBe(1);
        (await SendAsync<OfficeAndOpsRequest>(admin)).NextCalls.ShouldBe(1);
        (await SendAsync<UnattributedRequest>(admin)).NextCalls.ShouldBe(1);
    }

    [Fact]
    public async Task SeveralAttributes_EachMustBeSatisfied()
    {
        await Should.ThrowAsync<ForbiddenAccessException>(() => SendAsync<OfficeAndOpsRequest>(FakeUser.WithRoles(Roles.Dispatcher)));
        await Should.ThrowAsync<ForbiddenAccessException>(() => SendAsync<OfficeAndOpsRequest>(FakeUser.WithRoles(Roles.Ops)));

        (await SendAsync<OfficeAndOpsRequest>(FakeUser.WithRoles(Roles.Dispatcher, Roles.Ops))).NextCalls.ShouldBe(1);
    }

    [Fact]
    public async Task RealCommand_CreateApiKey_IsAdminOnly()
    {
        var command = new CreateApiKeyCommand { Name = "Partner", CustomerIds = [Guid.NewGuid()] };
        var created = new CreatedApiKeyDto("wo_key", new ApiKeys.Queries.GetApiKeys.ApiKeyDto());

        await Should.ThrowAsync<ForbiddenAccessException>(() =>
            new AuthorizationBehaviour<CreateApiKeyCommand, CreatedApiKeyDto>(FakeUser.WithRoles(Roles.Dispatcher))
                .Handle(command, CancellationToken.None, new Next<CreatedApiKeyDto>(created).Delegate));

        var next = new Next<CreatedApiKeyDto>(created);
        (await new AuthorizationBehaviour<CreateApiKeyCommand, CreatedApiKeyDto>(FakeUser.WithRoles(Roles.Admin))
            .Handle(command, CancellationToken.None, next.Delegate)).ShouldBeSameAs(created);
        next.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task RealRequests_PartnerMayReadACustomer_ButNotCreateOne()
    {
        var partner = FakeUser.Partner(Guid.NewGuid());
        var dto = new CustomerDto();

        var read = new Next<CustomerDto>(dto);
        await new AuthorizationBehaviour<GetCustomerQuery, CustomerDto>(partner).Handle(new GetCustomerQuery(Guid.NewGuid()), CancellationToken.None, read.Delegate);
        read.Calls.ShouldBe(1);

        await Should.ThrowAsync<ForbiddenAccessException>(() =>
            new AuthorizationBehaviour<CreateCustomerCommand, CustomerDto>(partner)
                .Handle(new CreateCustomerCommand(), CancellationToken.None, new Next<CustomerDto>(dto).Delegate));
    }
}

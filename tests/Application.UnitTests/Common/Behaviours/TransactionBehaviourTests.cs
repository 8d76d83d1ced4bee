using MediatR;
using WorkOrders.Application.Common.Behaviours;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Customers.Commands.CreateCustomer;
using WorkOrders.Application.Customers.Queries.GetCustomer;
using WorkOrders.Application.UnitTests.Fakes;

namespace WorkOrders.Application.UnitTests.Common.Behaviours;

public sealed record RenameThingCommand(string Name) : ICommand<string>;

public sealed record RenameThingIdempotentlyCommand(string Name, string? IdempotencyKey) : ICommand<string>, IIdempotentCommand;

public sealed record GetThingQuery(Guid Id) : IRequest<string>;

public sealed class TransactionBehaviourTests
{
    private readonly CountingUnitOfWork _unitOfWork = new();
    private readonly FakeIdempotencyStore _idempotency;
    private readonly FakeUser _user = FakeUser.WithRoles(Application.Common.Security.Roles.Dispatcher);

    public TransactionBehaviourTests() => _idempotency = new FakeIdempotencyStore(_unitOfWork);

    private TransactionBehaviour<TRequest, TResponse> Behaviour<TRequest, TResponse>()
        where TRequest : notnull => new(_unitOfWork, _idempotency, _user);

    [Fact]
    public async Task Command_RunsTheRestOfThePipelineInsideOneTransaction()
    {
        var ranInTransaction = false;

        var response = await Behaviour<RenameThingCommand, string>().Handle(
            new RenameThingCommand("x"),
            CancellationToken.None,
            () =>
            {
                ranInTransaction = _unitOfWork.InTransaction;
                return Task.FromResult("renamed");
            });

        response.ShouldBe("renamed");
        _unitOfWork.Transactions.ShouldBe(1);
        ranInTransaction.ShouldBeTrue();
        _idempotency.Saved.ShouldBeEmpty();
    }

    [Fact]
    public async Task Query_PassesThrough_WithoutATransaction()
    {
        var next = new Next<string>("thing");

        var response = await Behaviour<GetThingQuery, string>().Handle(new GetThingQuery(Guid.NewGuid()), CancellationToken.None, next.Delegate);

        response.ShouldBe("thing");
        next.Calls.ShouldBe(1);
        _unitOfWork.Transactions.ShouldBe(0);
    }

    [Fact]
    public async Task FailingCommand_PropagatesTheFailure_OutOfTheTransaction()
    {
        await Should.ThrowAsync<InvalidOperationException>(() => Behaviour<RenameThingCommand, string>().Handle(
            new RenameThingCommand("x"), CancellationToken.None, () => throw new InvalidOperationException("boom")));

        _unitOfWork.Transactions.ShouldBe(1);
        _unitOfWork.InTransaction.ShouldBeFalse();
    }

    [Fact]
    public async Task IdempotentCommandWithKey_StoresItsAnswer_InsideTheSameTransaction()
    {
        await Behaviour<RenameThingIdempotentlyCommand, string>().Handle(
            new RenameThingIdempotentlyCommand("x", "key-1"), CancellationToken.None, new Next<string>("renamed").Delegate);

        _unitOfWork.Transactions.ShouldBe(1);
        var saved = _idempotency.Saved.ShouldHaveSingleItem();
        saved.Scope.ShouldBe(_user.Id);
        saved.Key.ShouldBe("key-1");
        saved.ResponseJson.ShouldBe("\"renamed\"");
        saved.RequestHash.ShouldNotBeNullOrWhiteSpace();
        saved.InTransaction.ShouldBeTrue();
    }

    [Fact]
    public async Task IdempotentCommandWithoutKey_StoresNothing()
    {
        await Behaviour<RenameThingIdempotentlyCommand, string>().Handle(
            new RenameThingIdempotentlyCommand("x", null), CancellationToken.None, new Next<string>("renamed").Delegate);

        _unitOfWork.Transactions.ShouldBe(1);
        _idempotency.Saved.ShouldBeEmpty();
    }

    [Fact]
    public async Task RealRequests_CreateCustomerIsTransactional_GetCustomerIsNot()
    {
        var dto = new CustomerDto();

        await Behaviour<CreateCustomerCommand, CustomerDto>().Handle(new CreateCustomerCommand(), CancellationToken.None, new Next<CustomerDto>(dto).Delegate);
        _unitOfWork.Transactions.ShouldBe(1);

        await Behaviour<GetCustomerQuery, CustomerDto>().Handle(new GetCustomerQuery(Guid.NewGuid()), CancellationToken.None, new Next<CustomerDto>(dto).Delegate);
        _unitOfWork.Transactions.ShouldBe(1);
    }
}

using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Contracts.Commands.CancelContract;
using WorkOrders.Application.Contracts.Commands.CreateContract;
using WorkOrders.Application.Contracts.Queries.GetContracts;
using WorkOrders.Domain.Contracts;

namespace WorkOrders.Api.Endpoints;

public static class Contracts
{
    public static RouteGroupBuilder MapContracts(this RouteGroupBuilder api)
    {
        var customerContracts = api.MapGroup("/customers/{customerId:guid}/contracts").WithTags("Contracts");
        customerContracts.MapGet("/", GetContracts).WithName("GetContracts").WithProblems(StatusCodes.Status404NotFound);
        customerContracts.MapPost("/", CreateContract).WithName("CreateContract").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        api.MapGroup("/contracts").WithTags("Contracts")
            .MapPost("/{id:guid}/cancel", CancelContract).WithName("CancelContract").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<CursorPage<ContractDto>>> GetContracts(IMediator sender, Guid customerId, ContractStatus? status, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetContractsQuery { CustomerId = customerId, Status = status, Limit = limit, Cursor = cursor }, ct));

    private static async Task<Created<ContractDto>> CreateContract(IMediator sender, Guid customerId, CreateContractCommand command, CancellationToken ct)
    {
        var contract = await sender.Send(command with { CustomerId = customerId }, ct);
        return TypedResults.Created($"/api/v1/customers/{customerId}/contracts/{contract.Id}", contract);
    }

    private static async Task<Ok<ContractDto>> CancelContract(IMediator sender, Guid id, CancelContractCommand? command, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send((command ?? new CancelContractCommand()) with { Id = id }, ct));
}

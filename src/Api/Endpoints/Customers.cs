using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Api.Infrastructure;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Customers.Commands.CreateCustomer;
using WorkOrders.Application.Customers.Commands.DeactivateCustomer;
using WorkOrders.Application.Customers.Commands.ReactivateCustomer;
using WorkOrders.Application.Customers.Commands.UpdateCustomer;
using WorkOrders.Application.Customers.Queries.GetCustomer;
using WorkOrders.Application.Customers.Queries.GetCustomers;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Api.Endpoints;

public static class Customers
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers").WithTags("Customers");

        group.MapGet("/", GetCustomers).WithName("GetCustomers").WithProblems()
            .WithSummary("Customers by name (any part, case-insensitive) and status, keyset-paged.");
        group.MapPost("/", CreateCustomer).WithName("CreateCustomer").WithProblems();
        group.MapGet("/{id:guid}", GetCustomer).WithName("GetCustomer").WithProblems(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateCustomer).WithName("UpdateCustomer")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired)
            .WithSummary("Replaces the customer's details; send If-Match with the ETag you read.");
        group.MapPost("/{id:guid}/deactivate", DeactivateCustomer).WithName("DeactivateCustomer")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Deactivates the customer and cascades (sites, contracts, open work orders); dryRun previews it.");
        group.MapPost("/{id:guid}/reactivate", ReactivateCustomer).WithName("ReactivateCustomer")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<CursorPage<CustomerListItemDto>>> GetCustomers(
        IMediator sender, string? search, CustomerStatus? status, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCustomersQuery { Search = search, Status = status, Limit = limit, Cursor = cursor }, ct));

    private static async Task<Created<CustomerDto>> CreateCustomer(IMediator sender, HttpContext http, CreateCustomerCommand command, CancellationToken ct)
    {
        var customer = await sender.Send(command, ct);
        ETag.Set(http, customer.Version);
        return TypedResults.Created($"/api/v1/customers/{customer.Id}", customer);
    }

    private static async Task<Ok<CustomerDto>> GetCustomer(IMediator sender, HttpContext http, Guid id, CancellationToken ct)
    {
        var customer = await sender.Send(new GetCustomerQuery(id), ct);
        ETag.Set(http, customer.Version);
        return TypedResults.Ok(customer);
    }

    private static async Task<Ok<CustomerDto>> UpdateCustomer(IMediator sender, HttpContext http, Guid id, UpdateCustomerCommand command, CancellationToken ct)
    {
        var customer = await sender.Send(command with { Id = id, ExpectedVersion = ETag.ReadIfMatch(http) }, ct);
        ETag.Set(http, customer.Version);
        return TypedResults.Ok(customer);
    }

    private static async Task<Ok<DeactivationResultDto>> DeactivateCustomer(IMediator sender, Guid id, DeactivateCustomerCommand? command, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send((command ?? new DeactivateCustomerCommand()) with { Id = id }, ct));

    private static async Task<Ok<CustomerDto>> ReactivateCustomer(IMediator sender, HttpContext http, Guid id, CancellationToken ct)
    {
        var customer = await sender.Send(new ReactivateCustomerCommand(id), ct);
        ETag.Set(http, customer.Version);
        return TypedResults.Ok(customer);
    }
}

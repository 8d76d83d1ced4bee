using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Application.Common.Behaviours;

namespace WorkOrders.Application;

public static class DependencyInjection
{
    /// <summary>MediatR 5.1 registered by hand (its DI package does not restore here): one scan of this
    /// assembly for handlers, validators and mapping profiles; behaviours outermost first.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = Assembly.GetExecutingAssembly();

        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();

        // MediatR 5 builds the pipeline so that the first registered behaviour is the outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(PerformanceBehaviour<,>));

        Type[] scanned = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IValidator<>)];
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && scanned.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddScoped(contract, type);
            }
        }

        foreach (var step in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(Customers.Commands.DeactivateCustomer.ICustomerDeactivationStep).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(Customers.Commands.DeactivateCustomer.ICustomerDeactivationStep), step);
        }

        services.AddScoped<WorkOrders.WorkOrderAccess>();
        services.AddScoped<Portal.PortalGate>();
        services.AddScoped<Portal.PortalReads>();
        services.AddAutoMapper(cfg => { }, assembly);
        return services;
    }
}

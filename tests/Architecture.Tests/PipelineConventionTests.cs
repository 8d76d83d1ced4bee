using MediatR;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Application;
using WorkOrders.Application.Common.Behaviours;

namespace WorkOrders.Architecture.Tests;

/// <summary>MediatR 5 runs the first registered behaviour outermost: the registration order is the pipeline.</summary>
public sealed class PipelineConventionTests
{
    [Fact]
    public void Behaviours_AreRegisteredOutermostFirst_InTheDocumentedOrder()
    {
        var registered = new ServiceCollection().AddApplication()
            .Where(d => d.ServiceType == typeof(IPipelineBehavior<,>))
            .Select(d => d.ImplementationType!)
            .ToList();

        Type[] documented =
        [
            typeof(UnhandledExceptionBehaviour<,>),
            typeof(AuthorizationBehaviour<,>),
            typeof(ValidationBehaviour<,>),
            typeof(TransactionBehaviour<,>),
            typeof(PerformanceBehaviour<,>),
        ];
        registered[0].ShouldBe(documented[0]);
        registered[^1].ShouldBe(documented[^1]);
        // Other behaviours may sit between these, but these keep their relative order.
        registered.Where(documented.Contains).ShouldBe(documented);
    }
}

namespace WorkOrders.Architecture.Tests;

/// <summary>Dependencies point inward only: Domain ← Application ← Infrastructure / Api.</summary>
public sealed class LayerDependencyTests
{
    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        ["Domain"] =
        [
            "WorkOrders.Application", "WorkOrders.Infrastructure", "WorkOrders.Api",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "MediatR", "AutoMapper", "FluentValidation",
            "Microsoft.Extensions", "Npgsql", "Quartz",
        ],
        ["Application"] = ["WorkOrders.Infrastructure", "WorkOrders.Api", "Microsoft.AspNetCore", "Npgsql", "Quartz", "Microsoft.EntityFrameworkCore.Sqlite"],
        ["Infrastructure"] = ["WorkOrders.Api"],
        ["Infrastructure.Migrations.Sqlite"] = ["WorkOrders.Api"],
        ["Infrastructure.Migrations.Postgres"] = ["WorkOrders.Api"],
    };

    public static TheoryData<string> Layers => [.. Forbidden.Keys];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_DoesNotReference_WhatLiesOutsideIt(string layer)
    {
        var references = Tests.Layers.ReferencedAssemblyNames(Tests.Layers.ByName[layer]);

        var violations = references.Where(r => Forbidden[layer].Any(f => Tests.Layers.Matches(r, f))).ToList();

        violations.ShouldBeEmpty($"{layer} must not reference: {string.Join(", ", violations)}");
    }

    [Fact]
    public void Domain_ReferencesOnlyTheBaseClassLibrary()
    {
        var references = Tests.Layers.ReferencedAssemblyNames(Tests.Layers.Domain);

        var outsideBcl = references
            .Where(r => r is not ("netstandard" or "mscorlib" or "System") && !r.StartsWith("System.", StringComparison.Ordinal))
            .ToList();

        outsideBcl.ShouldBeEmpty($"Domain references no package and no other project, but references: {string.Join(", ", outsideBcl)}");
    }

    [Theory]
    [InlineData("Application", "WorkOrders.Domain")]
    [InlineData("Infrastructure", "WorkOrders.Application")]
    [InlineData("Infrastructure", "Microsoft.EntityFrameworkCore")]
    [InlineData("Api", "WorkOrders.Infrastructure")]
    [InlineData("Api", "WorkOrders.Application")]
    public void ReferenceReading_SeesTheDependenciesThatMustExist(string layer, string expected)
    {
        // Guards the tests above against passing vacuously (e.g. if references could not be read at all).
        Tests.Layers.ReferencedAssemblyNames(Tests.Layers.ByName[layer]).ShouldContain(expected);
    }
}

using System.Reflection;

namespace WorkOrders.Architecture.Tests;

/// <summary>The solution's assemblies, and what each one references (directly, and through our own assemblies).</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(WorkOrders.Domain.Common.Entity).Assembly;
    public static readonly Assembly Application = typeof(WorkOrders.Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(WorkOrders.Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly Api = typeof(WorkOrders.Api.DependencyInjection).Assembly;
    public static readonly Assembly MigrationsSqlite = Assembly.Load(WorkOrders.Infrastructure.DependencyInjection.SqliteMigrationsAssembly);
    public static readonly Assembly MigrationsPostgres = Assembly.Load(WorkOrders.Infrastructure.DependencyInjection.PostgresMigrationsAssembly);

    public static readonly IReadOnlyDictionary<string, Assembly> ByName = new Dictionary<string, Assembly>
    {
        ["Domain"] = Domain,
        ["Application"] = Application,
        ["Infrastructure"] = Infrastructure,
        ["Infrastructure.Migrations.Sqlite"] = MigrationsSqlite,
        ["Infrastructure.Migrations.Postgres"] = MigrationsPostgres,
        ["Api"] = Api,
    };

    /// <summary>Names of the assemblies <paramref name="assembly"/> references, following references into our own
    /// (WorkOrders.*) assemblies, so a dependency smuggled in through another of our projects is found too.</summary>
    public static IReadOnlySet<string> ReferencedAssemblyNames(Assembly assembly)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([assembly]);
        var visited = new HashSet<string>(StringComparer.Ordinal) { assembly.GetName().Name! };
        while (pending.Count > 0)
        {
            foreach (var reference in pending.Pop().GetReferencedAssemblies())
            {
                var name = reference.Name!;
                names.Add(name);
                if (name.StartsWith("WorkOrders.", StringComparison.Ordinal) && visited.Add(name))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        return names;
    }

    public static bool Matches(string assemblyName, string forbidden) =>
        assemblyName.Equals(forbidden, StringComparison.Ordinal) || assemblyName.StartsWith(forbidden + ".", StringComparison.Ordinal);
}

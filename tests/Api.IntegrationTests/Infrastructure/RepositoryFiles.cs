namespace WorkOrders.Api.IntegrationTests.Infrastructure;

/// <summary>Files of the repository the tests run from (e.g. the committed openapi.json).</summary>
public static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "WorkOrders.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"WorkOrders.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}

#:project ../Flux.OpsCenter.Data/Flux.OpsCenter.Data.csproj
#:property RuntimeIdentifier=linux-x64
#:property SelfContained=false

// Snowflake deployment helper, a .NET file-based app run from the repository root:
//   dotnet run spcs/flux-snowflake.cs -- scripts
//       rewrites the generated spcs/sql/*.generated.sql from Flux.OpsCenter.Data/Sql (tests fail while they are stale)
//   dotnet run spcs/flux-snowflake.cs -- export-parquet [database file] [output directory]
//       exports the embedded territory (default Flux.OpsCenter.Web/data/flux-opscenter.duckdb) to Parquet for 07_load_demo_data
using Flux.OpsCenter.Data.Snowflake;

var command = args.Length > 0 ? args[0] : "help";
switch (command)
{
    case "scripts":
        foreach (var path in SnowflakeScriptWriter.Write(Path.Combine("spcs", "sql")))
        {
            Console.WriteLine($"wrote {path}");
        }

        return 0;
    case "export-parquet":
        var database = args.Length > 1 ? args[1] : Path.Combine("Flux.OpsCenter.Web", "data", "flux-opscenter.duckdb");
        var output = args.Length > 2 ? args[2] : Path.Combine("spcs", "export");
        var files = TerritoryParquetExport.Export(database, output);
        Console.WriteLine($"exported {files.Count} tables to {Path.GetFullPath(output)}");
        return 0;
    default:
        Console.WriteLine("usage: dotnet run spcs/flux-snowflake.cs -- scripts | export-parquet [database file] [output directory]");
        return command == "help" ? 0 : 2;
}

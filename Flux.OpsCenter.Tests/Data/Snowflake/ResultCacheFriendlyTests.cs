using System.Text.RegularExpressions;
using Flux.OpsCenter.Data.Queries;

namespace Flux.OpsCenter.Tests.Data.Snowflake;

/// <summary>
/// Snowflake answers a repeated statement from its result cache, without a running warehouse, only while the data is
/// unchanged and the statement calls no function evaluated at run time. The live monitor repeats its status queries
/// every few seconds, so no query or view may use one: the data's own clock (APPLICATIONS.FLUX_DATA_CLOCK) stands in
/// for "now".
/// </summary>
public sealed partial class ResultCacheFriendlyTests
{
    public static TheoryData<string> RuntimeSql() =>
        [.. QueryCatalog.ResourceNames("Queries/").Concat(QueryCatalog.ResourceNames("Sql/Views/"))];

    [Theory]
    [MemberData(nameof(RuntimeSql))]
    public void Queries_and_views_call_no_function_evaluated_at_run_time(string resource)
    {
        var code = LineComment().Replace(QueryCatalog.Resource(resource), string.Empty);

        Assert.DoesNotMatch(NonDeterministic(), code);
    }

    [Theory]
    [InlineData("SELECT CURRENT_TIMESTAMP() AS NOW")]
    [InlineData("WHERE t > current_date - 1")]
    [InlineData("ORDER BY RANDOM()")]
    [InlineData("SELECT UUID_STRING()")]
    public void The_check_catches_run_time_functions(string sql)
    {
        Assert.Matches(NonDeterministic(), sql);
    }

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\b(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|LOCALTIMESTAMP|LOCALTIME|SYSDATE|SYSTIMESTAMP|GETDATE|NOW|RANDOM|RANDSTR|UNIFORM|NORMAL|ZIPF|UUID_STRING|SEQ1|SEQ2|SEQ4|SEQ8|CURRENT_USER|CURRENT_ROLE|CURRENT_SESSION)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NonDeterministic();
}

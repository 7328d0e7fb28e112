namespace Flux.OpsCenter.Data.Embedded;

/// <summary>Splits a SQL file into statements on semicolons that end a line, outside quotes and comments.</summary>
public static class SqlScript
{
    public static IReadOnlyList<string> Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var statements = new List<string>();
        var current = new System.Text.StringBuilder();
        var inQuote = false;
        foreach (var rawLine in script.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (!inQuote && trimmed.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            current.AppendLine(line);
            inQuote ^= line.Count(c => c == '\'') % 2 == 1;
            if (!inQuote && line.TrimEnd().EndsWith(';'))
            {
                var statement = current.ToString().Trim().TrimEnd(';').Trim();
                if (statement.Length > 0)
                {
                    statements.Add(statement);
                }

                current.Clear();
            }
        }

        var rest = current.ToString().Trim();
        if (rest.Length > 0)
        {
            statements.Add(rest);
        }

        return statements;
    }
}

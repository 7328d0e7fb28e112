namespace Flux.OpsCenter.Web.Export;

/// <summary>One column of a table that is shown on a page and exported as CSV: the same header and text in both.</summary>
public sealed record CsvColumn<T>(string Header, Func<T, string> Value, bool Numeric = false);

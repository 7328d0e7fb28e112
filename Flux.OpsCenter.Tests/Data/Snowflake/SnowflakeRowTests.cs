using Flux.OpsCenter.Data;
using Flux.OpsCenter.Data.Snowflake;

namespace Flux.OpsCenter.Tests.Data.Snowflake;

/// <summary>Decoding of every SQL API cell type into the row interface the shared mappers read.</summary>
public sealed class SnowflakeRowTests
{
    private static readonly DateTimeOffset Instant = new DateTimeOffset(2024, 5, 18, 2, 40, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private static SnowflakeRow Row(string type, string? value, int? scale = null)
    {
        var row = new SnowflakeRow([new SqlApiColumn("V", type, scale, null, true)]);
        row.Cells = [value];
        return row;
    }

    [Fact]
    public void Fixed_decodes_to_integers_and_doubles_including_scaled_values()
    {
        Assert.Equal(702_345L, Row("FIXED", "702345").GetInt64("V"));
        Assert.Equal(702_345.0, Row("FIXED", "702345").GetDouble("V"));
        Assert.Equal(12.5, Row("FIXED", "12.50", 2).GetDouble("V"));
        Assert.Equal(12L, Row("FIXED", "12.50", 2).GetInt64("V"));
        Assert.Equal("702345", Row("FIXED", "702345").GetString("V"));
    }

    [Fact]
    public void Real_decodes_exponent_forms_and_special_values()
    {
        Assert.Equal(150.0, Row("REAL", "1.500000000000000e+02").GetDouble("V"));
        Assert.Equal(0.1, Row("REAL", "0.1").GetDouble("V"));
        Assert.Equal(double.PositiveInfinity, Row("REAL", "inf").GetDouble("V"));
        Assert.True(double.IsNaN(Row("REAL", "NaN").GetDouble("V")));
        Assert.Equal(150L, Row("REAL", "149.6").GetInt64("V"));
    }

    [Fact]
    public void Text_and_boolean_decode_as_duckdb_would_give_them()
    {
        Assert.Equal("FDR-0001", Row("TEXT", "FDR-0001").GetString("V"));
        Assert.True(Row("BOOLEAN", "true").GetBoolean("V"));
        Assert.False(Row("BOOLEAN", "false").GetBoolean("V"));
        Assert.Equal("True", Row("BOOLEAN", "true").GetString("V"));
        Assert.True(Row("FIXED", "1").GetBoolean("V"));
    }

    [Fact]
    public void Date_is_days_since_the_epoch()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), Row("DATE", "19723").GetTimestamp("V"));
        Assert.Equal("2024-01-01", Row("DATE", "19723").GetString("V"));
    }

    [Fact]
    public void Time_is_seconds_since_midnight()
    {
        Assert.Equal("12:34:56.5", Row("TIME", "45296.500000000").GetString("V"));
        Assert.Equal(45296.5, Row("TIME", "45296.500000000").GetDouble("V"));
    }

    [Fact]
    public void Time_in_the_last_nanoseconds_of_the_day_stays_inside_the_day()
    {
        Assert.Equal("23:59:59.9999999", Row("TIME", "86399.999999999").GetString("V"));
        Assert.Equal("23:59:59.9999999", Row("TIME", "86399.99999995").GetString("V"));
        Assert.Equal("00:00:00", Row("TIME", "0.000000000").GetString("V"));
    }

    [Theory]
    [InlineData("TIMESTAMP_NTZ", "1716000000.123456700")]
    [InlineData("TIMESTAMP_LTZ", "1716000000.123456700")]
    [InlineData("TIMESTAMP_TZ", "1716000000.123456700 1080")]
    [InlineData("TIMESTAMP_TZ", "1716000000.123456700 1440")]
    public void Timestamps_decode_to_the_utc_instant(string type, string value)
    {
        var decoded = Row(type, value).GetTimestamp("V");

        Assert.Equal(Instant, decoded);
        Assert.Equal(TimeSpan.Zero, decoded.Offset);
    }

    [Fact]
    public void Variant_is_json_text_with_strings_unquoted_and_numbers_readable()
    {
        Assert.Equal("{\"crew\":\"C-7\",\"members\":4}", Row("VARIANT", "{\"crew\":\"C-7\",\"members\":4}").GetString("V"));
        Assert.Equal("storm", Row("VARIANT", "\"storm\"").GetString("V"));
        Assert.Equal(12.5, Row("VARIANT", "12.5").GetDouble("V"));
        Assert.True(Row("VARIANT", "null").IsNull("V"));
        Assert.Equal("[1,2]", Row("ARRAY", "[1,2]").GetString("V"));
    }

    [Fact]
    public void Null_cells_read_as_null_and_fail_where_a_value_is_required()
    {
        var row = Row("FIXED", null);

        Assert.True(row.IsNull("V"));
        Assert.Null(row.GetNullableDouble("V"));
        Assert.Null(row.GetNullableString("V"));
        Assert.Null(Row("TIMESTAMP_NTZ", null).GetNullableTimestamp("V"));
        Assert.Equal(DataErrorKind.Mapping, Assert.Throws<FluxDataException>(() => row.GetInt64("V")).Kind);
    }

    [Fact]
    public void Undecodable_cells_and_unknown_columns_are_mapping_errors_naming_the_column()
    {
        var garbled = Assert.Throws<FluxDataException>(() => Row("FIXED", "twelve").GetInt64("V"));
        var missing = Assert.Throws<FluxDataException>(() => Row("FIXED", "1").GetInt64("NOPE"));

        Assert.Equal((DataSourceKind.Snowflake, DataErrorKind.Mapping), (garbled.Source, garbled.Kind));
        Assert.Contains("'V'", garbled.Message, StringComparison.Ordinal);
        Assert.Contains("'NOPE'", missing.Message, StringComparison.Ordinal);
    }
}

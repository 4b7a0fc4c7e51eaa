using StandardsKit.Engine;
using StandardsKit.Expressions;

namespace StandardsKit.Tests.Screening;

/// <summary>Screening's table of completed years against the one definition, for every birth day over decades.</summary>
public sealed class CompletedYearsTableTests
{
    [Theory]
    [InlineData("2025-02-28")]
    [InlineData("2024-02-29")]
    [InlineData("2024-03-01")]
    [InlineData("2023-12-31")]
    [InlineData("1800-01-01")]
    [InlineData("2399-12-31")]
    [InlineData("2399-02-28")]
    [InlineData("2200-03-01")]
    [InlineData("2000-02-29")]
    public void Age_from_the_table_is_completed_years_for_every_birth_day(string date)
    {
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var screener = Catalog.Default.Prepare("310104", on, new EvaluationOptions { Explain = false }).InterpretingScreener();
        // Every birth day back to the first supported date: the table's lookup relies on a bound that holds for any span.
        for (var birth = Catalog.FirstSupportedDate.DayNumber; birth <= on.DayNumber; birth++)
        {
            var expected = CompletedYears.Between(DateOnly.FromDayNumber(birth), on);
            if (screener.Age(birth) != expected)
            {
                screener.Age(birth).Should().Be(expected, $"born {DateOnly.FromDayNumber(birth):yyyy-MM-dd}, on {date}");
            }
        }
    }
}

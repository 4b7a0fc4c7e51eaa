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
    public void Age_from_the_table_is_completed_years_for_every_birth_day(string date)
    {
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var screener = Catalog.Default.Prepare("310104", on, new EvaluationOptions { Explain = false }).InterpretingScreener();
        var first = Math.Max(Catalog.FirstSupportedDate.DayNumber, on.AddYears(-130).DayNumber);
        for (var birth = first; birth <= on.DayNumber; birth++)
        {
            var expected = CompletedYears.Between(DateOnly.FromDayNumber(birth), on);
            if (screener.Age(birth) != expected)
            {
                screener.Age(birth).Should().Be(expected, $"born {DateOnly.FromDayNumber(birth):yyyy-MM-dd}, on {date}");
            }
        }

        // The oldest supported resident too.
        screener.Age(Catalog.FirstSupportedDate.DayNumber).Should().Be(CompletedYears.Between(Catalog.FirstSupportedDate, on));
    }
}
